<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>FeaturePanel</name>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="31" />
        <source>existing</source>
        <translation>قائم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="32" />
        <source>under construction</source>
        <translation>قيد الإنشاء</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="33" />
        <source>proposed</source>
        <translation>مقترح</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="34" />
        <source>historical</source>
        <translation>تاريخي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="35" />
        <source>closed</source>
        <translation>مغلق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="40" />
        <source>Announced</source>
        <translation>أُعلن</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="40" />
        <source>Started</source>
        <translation>بدأ</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="40" />
        <source>Opened</source>
        <translation>افتُتح</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="41" />
        <source>Closed</source>
        <translation>أُغلق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="41" />
        <source>Signed</source>
        <translation>وُقّع</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="41" />
        <source>Handed over</source>
        <translation>سُلّم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="46" />
        <source>country</source>
        <translation>دولة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="46" />
        <source>sea</source>
        <translation>بحر</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="46" />
        <source>lake</source>
        <translation>بحيرة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="47" />
        <source>river</source>
        <translation>نهر</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="47" />
        <source>region</source>
        <translation>إقليم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="47" />
        <source>corridor</source>
        <translation>ممر</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="48" />
        <source>railway</source>
        <translation>سكة حديد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="48" />
        <source>road</source>
        <translation>طريق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="48" />
        <source>route segment</source>
        <translation>مقطع من مسار</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="49" />
        <source>checkpoint</source>
        <translation>نقطة عبور</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="49" />
        <source>border crossing</source>
        <translation>معبر حدودي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="50" />
        <source>town</source>
        <translation>بلدة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="50" />
        <source>city</source>
        <translation>مدينة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="50" />
        <source>village</source>
        <translation>قرية</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="51" />
        <source>military base</source>
        <translation>قاعدة عسكرية</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="51" />
        <source>consulate</source>
        <translation>قنصلية</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="52" />
        <source>mission headquarters</source>
        <translation>مقر بعثة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="52" />
        <source>enclave</source>
        <translation>جيب</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="60" />
        <source>Click a feature on the map, or double-click one in the Layers panel, to see what it is and where the facts come from.</source>
        <translation>انقر على معلم في الخريطة، أو انقر نقرًا مزدوجًا على أحد المعالم في لوحة الطبقات، لترى ما هو ومن أين جاءت المعلومات.</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="72" />
        <source>Part of</source>
        <translation>جزء من</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="73" />
        <source>Dates</source>
        <translation>التواريخ</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="74" />
        <source>Area drawn on this map</source>
        <translation>المساحة المرسومة على هذه الخريطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="75" />
        <source>computed, equal-area projection</source>
        <translation>محسوبة بإسقاط متساوي المساحات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="76" />
        <source>Length drawn on this map</source>
        <translation>الطول المرسوم على هذه الخريطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="77" />
        <source>Official figure</source>
        <translation>الرقم الرسمي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="78" />
        <source>Accuracy</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="79" />
        <source>Sources</source>
        <translation>المصادر</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <location filename="../../corridor_viewer/ui/layers_panel.py" line="48" />
        <source>Layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/layers_panel.py" line="48" />
        <source>Opacity</source>
        <translation>العتامة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/layers_panel.py" line="57" />
        <source>%n feature(s)</source>
        <translation>
            <numerusform>لا معالم</numerusform><numerusform>معلم واحد</numerusform><numerusform>معلمان</numerusform><numerusform>%n معالم</numerusform><numerusform>%n معلمًا</numerusform><numerusform>%n معلم</numerusform></translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/layers_panel.py" line="61" />
        <source>Double-click to zoom to this feature</source>
        <translation>انقر نقرًا مزدوجًا للتكبير إلى هذا المعلم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/layers_panel.py" line="67" />
        <source>Opacity of %1</source>
        <translation>عتامة %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="90" />
        <source>South Caucasus corridors</source>
        <translation>ممرات جنوب القوقاز</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="91" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="92" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="93" />
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="94" />
        <source>&amp;Language</source>
        <translation>ال&amp;لغة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="96" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="96" />
        <source>&amp;Fit all</source>
        <translation>&amp;عرض الكل</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="96" />
        <source>Zoom &amp;in</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="96" />
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="97" />
        <source>Zoom to &amp;selection</source>
        <translation>التكبير إلى ال&amp;تحديد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="97" />
        <source>&amp;Clear selection</source>
        <translation>إل&amp;غاء التحديد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="98" />
        <source>&amp;About Corridor Viewer</source>
        <translation>&amp;حول عارض الممرات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="102" />
        <source>Layers</source>
        <translation>الطبقات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="103" />
        <source>Feature</source>
        <translation>المعلم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="126" />
        <source>Scale: %1 m per pixel</source>
        <translation>المقياس: %1 م لكل بكسل</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="129" />
        <source>About Corridor Viewer</source>
        <translation>حول عارض الممرات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="134" />
        <source>A map of the South Caucasus transport corridors, linked to Arabic news articles.</source>
        <translation>خريطة لممرات النقل في جنوب القوقاز، مرتبطة بمقالات إخبارية عربية.</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="135" />
        <source>Map data:</source>
        <translation>بيانات الخريطة:</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="137" />
        <source>routes and dates from the project fact sheet (sources listed per feature).</source>
        <translation>المسارات والتواريخ من صحيفة الوقائع الخاصة بالمشروع (المصادر مذكورة لكل معلم).</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="138" />
        <source>Proposed alignments are approximate: each feature states its accuracy.</source>
        <translation>مسارات المشاريع المقترحة تقريبية: يذكر كل معلم مدى دقته.</translation>
    </message>
</context>
</TS>