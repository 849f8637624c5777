<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>ArticleReader</name>
    <message>
        <location filename="../../corridor_viewer/ui/article_reader.py" line="82" />
        <source>Linking the articles…</source>
        <translation>جارٍ ربط المقالات…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="76" />
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="222" />
        <source>Export map</source>
        <translation>تصدير الخريطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="82" />
        <source>Default: the data sources and Corridor Viewer</source>
        <translation>الافتراضي: مصادر البيانات و Corridor Viewer</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="90" />
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="111" />
        <source>Custom size</source>
        <translation>حجم مخصص</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="105" />
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="106" />
        <source>Subtitle</source>
        <translation>العنوان الفرعي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="107" />
        <source>Source / credit</source>
        <translation>المصدر / الإسناد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="108" />
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="109" />
        <source>Map language</source>
        <translation>لغة الخريطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="110" />
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="112" />
        <source>Resolution (dpi)</source>
        <translation>الدقة (نقطة/بوصة)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="113" />
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="114" />
        <source>Include</source>
        <translation>تضمين</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="117" />
        <source>Legend of the visible layers</source>
        <translation>مفتاح الطبقات الظاهرة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="118" />
        <source>Scale bar</source>
        <translation>مقياس الرسم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="119" />
        <source>North arrow</source>
        <translation>سهم الشمال</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="120" />
        <source>Locator inset</source>
        <translation>خريطة موقع مصغرة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="121" />
        <source>Highlight the selected feature</source>
        <translation>إبراز المعلم المحدد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="122" />
        <source>Quote box with the selected passage</source>
        <translation>مربع اقتباس للمقطع المحدد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="145" />
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="146" />
        <source>Copy image</source>
        <translation>نسخ الصورة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="215" />
        <source>%1 × %2 px at %3 dpi</source>
        <translation>%1 × %2 بكسل بدقة %3 نقطة/بوصة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="235" />
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="238" />
        <source>Saved %1</source>
        <translation>حُفظ %1</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="245" />
        <source>Copied the map image to the clipboard</source>
        <translation>نُسخت صورة الخريطة إلى الحافظة</translation>
    </message>
</context>
<context>
    <name>FeaturePanel</name>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="56" />
        <source>existing</source>
        <translation>قائم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="57" />
        <source>under construction</source>
        <translation>قيد الإنشاء</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="58" />
        <source>proposed</source>
        <translation>مقترح</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="59" />
        <source>historical</source>
        <translation>تاريخي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="60" />
        <source>closed</source>
        <translation>مغلق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="65" />
        <source>Announced</source>
        <translation>أُعلن</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="65" />
        <source>Started</source>
        <translation>بدأ</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="65" />
        <source>Opened</source>
        <translation>افتُتح</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="66" />
        <source>Closed</source>
        <translation>أُغلق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="66" />
        <source>Signed</source>
        <translation>وُقّع</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="66" />
        <source>Handed over</source>
        <translation>سُلّم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="71" />
        <source>country</source>
        <translation>دولة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="71" />
        <source>sea</source>
        <translation>بحر</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="71" />
        <source>lake</source>
        <translation>بحيرة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="72" />
        <source>river</source>
        <translation>نهر</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="72" />
        <source>region</source>
        <translation>إقليم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="72" />
        <source>corridor</source>
        <translation>ممر</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="73" />
        <source>railway</source>
        <translation>سكة حديد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="73" />
        <source>road</source>
        <translation>طريق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="73" />
        <source>route segment</source>
        <translation>مقطع من مسار</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="74" />
        <source>checkpoint</source>
        <translation>نقطة عبور</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="74" />
        <source>border crossing</source>
        <translation>معبر حدودي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="75" />
        <source>town</source>
        <translation>بلدة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="75" />
        <source>city</source>
        <translation>مدينة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="75" />
        <source>village</source>
        <translation>قرية</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="76" />
        <source>military base</source>
        <translation>قاعدة عسكرية</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="76" />
        <source>consulate</source>
        <translation>قنصلية</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="77" />
        <source>mission headquarters</source>
        <translation>مقر بعثة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="77" />
        <source>enclave</source>
        <translation>جيب</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="86" />
        <source>Click a feature on the map, or double-click one in the Layers panel, to see what it is and where the facts come from.</source>
        <translation>انقر على معلم في الخريطة، أو انقر نقرًا مزدوجًا على أحد المعالم في لوحة الطبقات، لترى ما هو ومن أين جاءت المعلومات.</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="93" />
        <source>Newest article first</source>
        <translation>الأحدث أولًا</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="94" />
        <source>By article</source>
        <translation>حسب المقال</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="98" />
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="102" />
        <source>Passages</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="109" />
        <source>Passages: %1 mentions in %2 passages of %3 articles</source>
        <translation>المقاطع: %1 إشارة في %2 مقطعًا من %3 مقالات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="116" />
        <source>No article mentions this feature.</source>
        <translation>لا يذكر أي مقال هذا المعلم.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="122" />
        <source>%n mention(s)</source>
        <translation>
            <numerusform>لا إشارات</numerusform><numerusform>إشارة واحدة</numerusform><numerusform>إشارتان</numerusform><numerusform>%n إشارات</numerusform><numerusform>%n إشارة</numerusform><numerusform>%n إشارة</numerusform></translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="157" />
        <source>Part of</source>
        <translation>جزء من</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="158" />
        <source>Dates</source>
        <translation>التواريخ</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="159" />
        <source>Area drawn on this map</source>
        <translation>المساحة المرسومة على هذه الخريطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="160" />
        <source>computed, equal-area projection</source>
        <translation>محسوبة بإسقاط متساوي المساحات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="161" />
        <source>Length drawn on this map</source>
        <translation>الطول المرسوم على هذه الخريطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="162" />
        <source>Official figure</source>
        <translation>الرقم الرسمي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="163" />
        <source>Accuracy</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="164" />
        <source>Sources</source>
        <translation>المصادر</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="172" />
        <source>Mentioned %1 times in the articles</source>
        <translation>ورد ذكره %1 مرة في المقالات</translation>
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
        <location filename="../../corridor_viewer/ui/main_window.py" line="113" />
        <source>South Caucasus corridors</source>
        <translation>ممرات جنوب القوقاز</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="114" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="115" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="116" />
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="117" />
        <source>&amp;Language</source>
        <translation>ال&amp;لغة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="119" />
        <source>&amp;Export map…</source>
        <translation>&amp;تصدير الخريطة…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="119" />
        <source>&amp;Copy map image</source>
        <translation>&amp;نسخ صورة الخريطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="120" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="120" />
        <source>&amp;Fit all</source>
        <translation>&amp;عرض الكل</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="121" />
        <source>Zoom &amp;in</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="121" />
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="122" />
        <source>Zoom to &amp;selection</source>
        <translation>التكبير إلى ال&amp;تحديد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="122" />
        <source>&amp;Clear selection</source>
        <translation>إل&amp;غاء التحديد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="123" />
        <source>&amp;Search…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="123" />
        <source>&amp;Mentioned in the articles only</source>
        <translation>ما ورد في المقالات &amp;فقط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="124" />
        <source>&amp;About Corridor Viewer</source>
        <translation>&amp;حول عارض الممرات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="128" />
        <source>Layers</source>
        <translation>الطبقات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="129" />
        <source>Feature</source>
        <translation>المعلم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="130" />
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="131" />
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="152" />
        <source>Could not load the articles: %1</source>
        <translation>تعذّر تحميل المقالات: %1</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="198" />
        <source>Copied a %1 × %2 map image to the clipboard</source>
        <translation>نُسخت صورة خريطة بحجم %1 × %2 إلى الحافظة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="212" />
        <source>Scale: %1 m per pixel</source>
        <translation>المقياس: %1 م لكل بكسل</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="215" />
        <source>About Corridor Viewer</source>
        <translation>حول عارض الممرات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="220" />
        <source>A map of the South Caucasus transport corridors, linked to Arabic news articles.</source>
        <translation>خريطة لممرات النقل في جنوب القوقاز، مرتبطة بمقالات إخبارية عربية.</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="221" />
        <source>Map data:</source>
        <translation>بيانات الخريطة:</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="223" />
        <source>routes and dates from the project fact sheet (sources listed per feature).</source>
        <translation>المسارات والتواريخ من صحيفة الوقائع الخاصة بالمشروع (المصادر مذكورة لكل معلم).</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="224" />
        <source>Proposed alignments are approximate: each feature states its accuracy.</source>
        <translation>مسارات المشاريع المقترحة تقريبية: يذكر كل معلم مدى دقته.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../corridor_viewer/ui/search_panel.py" line="42" />
        <source>Search places, routes and article text (any spelling)</source>
        <translation>ابحث في الأماكن والمسارات ونص المقالات (بأي تهجئة)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/search_panel.py" line="79" />
        <source>%1 features, %2 passages</source>
        <translation>%1 معالم، %2 مقاطع</translation>
    </message>
</context>
</TS>