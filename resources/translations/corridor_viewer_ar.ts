<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>AnnotationDialog</name>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="46" />
        <source>Marker</source>
        <translation>علامة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="46" />
        <source>Text</source>
        <translation>نص</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="46" />
        <source>Line or arrow</source>
        <translation>خط أو سهم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="47" />
        <source>Distance</source>
        <translation>مسافة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="47" />
        <source>Area</source>
        <translation>منطقة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="51" />
        <source>Shown in the Annotations list (default: its text)</source>
        <translation>يظهر في قائمة التعليقات (افتراضيًا: نصه)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="57" />
        <source>Text (English)</source>
        <translation>النص (بالإنجليزية)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="58" />
        <source>Text (Arabic)</source>
        <translation>النص (بالعربية)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="59" />
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="74" />
        <source>Other colour…</source>
        <translation>لون آخر…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="78" />
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="142" />
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="80" />
        <source>Text size</source>
        <translation>حجم النص</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="81" />
        <source>On a halo</source>
        <translation>بهالة حوله</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="81" />
        <source>In a box</source>
        <translation>داخل إطار</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="82" />
        <source>Text background</source>
        <translation>خلفية النص</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="84" />
        <source>Dot</source>
        <translation>نقطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="84" />
        <source>Pin</source>
        <translation>دبوس</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="84" />
        <source>Star</source>
        <translation>نجمة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="85" />
        <source>Square</source>
        <translation>مربع</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="85" />
        <source>Numbered circle</source>
        <translation>دائرة مرقّمة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="87" />
        <source>Automatic (after the marker)</source>
        <translation>تلقائي (بعد العلامة)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="87" />
        <source>East</source>
        <translation>شرق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="88" />
        <source>North-east</source>
        <translation>شمال شرق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="88" />
        <source>North</source>
        <translation>شمال</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="89" />
        <source>North-west</source>
        <translation>شمال غرب</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="89" />
        <source>West</source>
        <translation>غرب</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="90" />
        <source>South-west</source>
        <translation>جنوب غرب</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="90" />
        <source>South</source>
        <translation>جنوب</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="91" />
        <source>South-east</source>
        <translation>جنوب شرق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="92" />
        <source>Set the label off with a leader line</source>
        <translation>إبعاد التسمية مع خط يصلها بالعلامة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="95" />
        <source>None</source>
        <translation>بلا</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="95" />
        <source>At the end</source>
        <translation>في النهاية</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="96" />
        <source>At the start</source>
        <translation>في البداية</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="96" />
        <source>At both ends</source>
        <translation>في الطرفين</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="98" />
        <source>0 is straight; the sign says which side it bends to</source>
        <translation>0 يعني خطًا مستقيمًا؛ والإشارة تحدد جهة الانحناء</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="99" />
        <source>Solid</source>
        <translation>متصل</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="99" />
        <source>Dashed</source>
        <translation>متقطع</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="100" />
        <source>Dotted</source>
        <translation>منقّط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="102" />
        <source>Automatic (three figures)</source>
        <translation>تلقائي (ثلاثة أرقام)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="102" />
        <source>Whole kilometres</source>
        <translation>كيلومترات كاملة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="103" />
        <source>One decimal</source>
        <translation>منزلة عشرية واحدة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="107" />
        <source>Icon</source>
        <translation>الرمز</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="107" />
        <source>Number</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="108" />
        <source>Label direction</source>
        <translation>جهة التسمية</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="109" />
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="111" />
        <source>Arrowheads</source>
        <translation>رؤوس الأسهم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="109" />
        <source>Curve</source>
        <translation>الانحناء</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="110" />
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="112" />
        <source>Dash</source>
        <translation>نمط الخط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="110" />
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="112" />
        <source>Width</source>
        <translation>العرض</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="111" />
        <source>Length shown</source>
        <translation>الطول المعروض</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="113" />
        <source>Fill opacity</source>
        <translation>عتامة التعبئة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="113" />
        <source>Outline</source>
        <translation>الحد الخارجي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="114" />
        <source>Outline width</source>
        <translation>عرض الحد الخارجي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="116" />
        <source>Radius</source>
        <translation>نصف القطر</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="73" />
        <source>Annotations</source>
        <translation>التعليقات على الخريطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="74" />
        <source>Edit…</source>
        <translation>تحرير…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="74" />
        <source>Forward</source>
        <translation>إلى الأمام</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="74" />
        <source>Back</source>
        <translation>إلى الخلف</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="75" />
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="75" />
        <source>Import GeoJSON…</source>
        <translation>استيراد GeoJSON…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="76" />
        <source>Export GeoJSON…</source>
        <translation>تصدير GeoJSON…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="79" />
        <source>Draw it above the next one</source>
        <translation>ارسمه فوق التالي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="80" />
        <source>Draw it below the previous one</source>
        <translation>ارسمه تحت السابق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="81" />
        <source>Reset</source>
        <translation>إعادة تعيين</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="82" />
        <source>Every label back to automatic</source>
        <translation>إعادة كل التسميات إلى الوضع التلقائي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="86" />
        <source>Marker</source>
        <translation>علامة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="86" />
        <source>Text</source>
        <translation>نص</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="86" />
        <source>Arrow</source>
        <translation>سهم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="87" />
        <source>Line</source>
        <translation>خط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="87" />
        <source>Distance</source>
        <translation>مسافة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="88" />
        <source>Area</source>
        <translation>منطقة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="113" />
        <source>%n label edit(s)</source>
        <translation>
            <numerusform>لا تعديلات على التسميات</numerusform>
            <numerusform>تعديل واحد على التسميات</numerusform>
            <numerusform>تعديلان على التسميات</numerusform>
            <numerusform>%n تعديلات على التسميات</numerusform>
            <numerusform>%n تعديلًا على التسميات</numerusform>
            <numerusform>%n تعديل على التسميات</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="139" />
        <source>Show annotation</source>
        <translation>إظهار التعليق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="139" />
        <source>Hide annotation</source>
        <translation>إخفاء التعليق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="144" />
        <source>Rename annotation</source>
        <translation>إعادة تسمية التعليق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="150" />
        <source>Change the drawing order</source>
        <translation>تغيير ترتيب الرسم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="160" />
        <source>Delete annotation</source>
        <translation>حذف التعليق</translation>
    </message>
</context>
<context>
    <name>ArticleReader</name>
    <message>
        <location filename="../../corridor_viewer/ui/article_reader.py" line="91" />
        <source>Linking the articles…</source>
        <translation>جارٍ ربط المقالات…</translation>
    </message>
</context>
<context>
    <name>ArticlesDialog</name>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="238" />
        <source>Add articles</source>
        <translation>إضافة مقالات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="241" />
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="241" />
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="241" />
        <source>Published</source>
        <translation>تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="242" />
        <source>Date found in</source>
        <translation>مصدر التاريخ</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="255" />
        <source>not found: enter it, or leave no date</source>
        <translation>لم يُعثر عليه: أدخله أو اتركه بلا تاريخ</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="262" />
        <source>Each article gets a catalog entry. Check the titles and the dates (they order the passages and count the mentions per month). An article may have no date.</source>
        <translation>يُسجَّل كل مقال في الفهرس. راجِع العناوين والتواريخ (بها تُرتَّب المقاطع وتُعَدّ الإشارات في كل شهر). يجوز أن يبقى المقال بلا تاريخ.</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="273" />
        <source>the page's metadata: %1</source>
        <translation>البيانات الوصفية للصفحة: %1</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="276" />
        <source>line %1 of the text: %2</source>
        <translation>السطر %1 من النص: %2</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="294" />
        <source>Check the dates</source>
        <translation>راجع التواريخ</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <location filename="../../corridor_viewer/ui/autosave.py" line="61" />
        <source>Autosave failed: %1</source>
        <translation>فشل الحفظ التلقائي: %1</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/autosave.py" line="91" />
        <source>Recover unsaved work?</source>
        <translation>استعادة العمل غير المحفوظ؟</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/autosave.py" line="92" />
        <source>Corridor Viewer did not close normally last time. Recover the work saved automatically at %1?</source>
        <translation>لم يُغلق Corridor Viewer بشكل طبيعي في المرة السابقة. هل تريد استعادة العمل المحفوظ تلقائيًا في %1؟</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/autosave.py" line="99" />
        <source>Cannot recover</source>
        <translation>تعذّرت الاستعادة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/autosave.py" line="100" />
        <source>The file was kept as %1.</source>
        <translation>احتُفظ بالملف باسم %1.</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/autosave.py" line="106" />
        <source>Recovered with problems</source>
        <translation>تمت الاستعادة مع بعض المشكلات</translation>
    </message>
</context>
<context>
    <name>ColorButton</name>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="50" />
        <source>Choose a colour</source>
        <translation>اختر لونًا</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../corridor_viewer/ui/crash_dialog.py" line="66" />
        <source>Unexpected error</source>
        <translation>خطأ غير متوقع</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/crash_dialog.py" line="67" />
        <source>Corridor Viewer ran into an unexpected problem. It is still running, but what you were doing may not have finished. Please send the report below to the maintainers.</source>
        <translation>واجه عارض الممرات مشكلة غير متوقعة. ما زال البرنامج يعمل، لكن ما كنت تفعله ربما لم يكتمل. يُرجى إرسال التقرير أدناه إلى القائمين على البرنامج.</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/crash_dialog.py" line="71" />
        <source>The report was saved to: %1</source>
        <translation>حُفظ التقرير في: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/crash_dialog.py" line="73" />
        <source>The same error happened again %n time(s).</source>
        <translation>
            <numerusform>لم يتكرر الخطأ نفسه.</numerusform>
            <numerusform>تكرر الخطأ نفسه مرة واحدة.</numerusform>
            <numerusform>تكرر الخطأ نفسه مرتين.</numerusform>
            <numerusform>تكرر الخطأ نفسه %n مرات.</numerusform>
            <numerusform>تكرر الخطأ نفسه %n مرة.</numerusform>
            <numerusform>تكرر الخطأ نفسه %n مرة.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/crash_dialog.py" line="75" />
        <source>&amp;Copy report</source>
        <translation>&amp;نسخ التقرير</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/crash_dialog.py" line="76" />
        <source>&amp;Open folder</source>
        <translation>&amp;فتح المجلد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/crash_dialog.py" line="85" />
        <source>Copied</source>
        <translation>نُسخ</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="183" />
        <source>Day</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="183" />
        <source>Month only</source>
        <translation>الشهر فقط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="183" />
        <source>Year only</source>
        <translation>السنة فقط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="184" />
        <source>No date</source>
        <translation>بلا تاريخ</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="62" />
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="335" />
        <source>Export map</source>
        <translation>تصدير الخريطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="68" />
        <source>Default: the data sources and Corridor Viewer</source>
        <translation>الافتراضي: مصادر البيانات و Corridor Viewer</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="76" />
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="97" />
        <source>Custom size</source>
        <translation>حجم مخصص</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="91" />
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="92" />
        <source>Subtitle</source>
        <translation>العنوان الفرعي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="93" />
        <source>Source / credit</source>
        <translation>المصدر / الإسناد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="94" />
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="95" />
        <source>Map language</source>
        <translation>لغة الخريطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="96" />
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="98" />
        <source>Resolution (dpi)</source>
        <translation>الدقة (نقطة/بوصة)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="99" />
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="101" />
        <source>The map as it is on screen</source>
        <translation>الخريطة كما تظهر على الشاشة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="102" />
        <source>The selection in context</source>
        <translation>العنصر المحدَّد في سياقه</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="103" />
        <source>Frame</source>
        <translation>الإطار</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="105" />
        <source>Where it hides least</source>
        <translation>حيث يحجب أقل</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="105" />
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="127" />
        <source>Top left</source>
        <translation>أعلى اليسار</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="106" />
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="128" />
        <source>Top right</source>
        <translation>أعلى اليمين</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="106" />
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="128" />
        <source>Bottom left</source>
        <translation>أسفل اليسار</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="107" />
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="129" />
        <source>Bottom right</source>
        <translation>أسفل اليمين</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="109" />
        <source>Inset corner</source>
        <translation>زاوية الخريطة المصغّرة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="111" />
        <source>Western digits (0-9)</source>
        <translation>أرقام غربية (0-9)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="112" />
        <source>Arabic-Indic digits (٠-٩)</source>
        <translation>أرقام هندية (٠-٩)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="113" />
        <source>Digits in Arabic</source>
        <translation>الأرقام في النص العربي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="118" />
        <source>Style file…</source>
        <translation>ملف النمط…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="125" />
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="251" />
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="252" />
        <source>House style</source>
        <translation>نمط المؤسسة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="127" />
        <source>The style's corner</source>
        <translation>زاوية النمط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="131" />
        <source>Logo corner</source>
        <translation>زاوية الشعار</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="135" />
        <source>PNG: two or three times the pixels, the same layout (retina, broadcast)</source>
        <translation>PNG: ضعفا البكسلات أو ثلاثة أضعافها بالتخطيط نفسه (شاشات عالية الدقة، بث تلفزيوني)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="136" />
        <source>Pixel scale</source>
        <translation>مضاعفة البكسلات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="137" />
        <source>Transparent background (PNG, SVG)</source>
        <translation>خلفية شفافة (PNG وSVG)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="140" />
        <source>Include</source>
        <translation>تضمين</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="143" />
        <source>Legend of the visible layers</source>
        <translation>مفتاح الطبقات الظاهرة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="144" />
        <source>Scale bar</source>
        <translation>مقياس الرسم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="145" />
        <source>North arrow</source>
        <translation>سهم الشمال</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="146" />
        <source>Locator inset</source>
        <translation>خريطة موقع مصغرة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="147" />
        <source>Highlight the selected feature</source>
        <translation>إبراز المعلم المحدد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="148" />
        <source>Quote box with the selected passage</source>
        <translation>مربع اقتباس للمقطع المحدد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="171" />
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="172" />
        <source>Copy image</source>
        <translation>نسخ الصورة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="241" />
        <source>Your style</source>
        <translation>نمطك</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="259" />
        <source>Cannot use this style</source>
        <translation>تعذّر استخدام هذا النمط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="286" />
        <source>Change the export settings</source>
        <translation>تغيير إعدادات التصدير</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="328" />
        <source>%1 × %2 px at %3 dpi</source>
        <translation>%1 × %2 بكسل بدقة %3 نقطة/بوصة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="348" />
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="351" />
        <source>Saved %1</source>
        <translation>حُفظ %1</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/export_dialog.py" line="358" />
        <source>Copied the map image to the clipboard</source>
        <translation>نُسخت صورة الخريطة إلى الحافظة</translation>
    </message>
</context>
<context>
    <name>FeaturePanel</name>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="103" />
        <source>existing</source>
        <translation>قائم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="104" />
        <source>under construction</source>
        <translation>قيد الإنشاء</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="105" />
        <source>proposed</source>
        <translation>مقترح</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="106" />
        <source>historical</source>
        <translation>تاريخي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="107" />
        <source>closed</source>
        <translation>مغلق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="112" />
        <source>Announced</source>
        <translation>أُعلن</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="112" />
        <source>Started</source>
        <translation>بدأ</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="112" />
        <source>Opened</source>
        <translation>افتُتح</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="113" />
        <source>Closed</source>
        <translation>أُغلق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="113" />
        <source>Signed</source>
        <translation>وُقّع</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="113" />
        <source>Handed over</source>
        <translation>سُلّم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="115" />
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="115" />
        <source>Until</source>
        <translation>حتى</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="120" />
        <source>country</source>
        <translation>دولة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="120" />
        <source>sea</source>
        <translation>بحر</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="120" />
        <source>lake</source>
        <translation>بحيرة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="121" />
        <source>river</source>
        <translation>نهر</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="121" />
        <source>region</source>
        <translation>إقليم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="121" />
        <source>corridor</source>
        <translation>ممر</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="122" />
        <source>railway</source>
        <translation>سكة حديد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="122" />
        <source>road</source>
        <translation>طريق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="122" />
        <source>route segment</source>
        <translation>مقطع من مسار</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="123" />
        <source>checkpoint</source>
        <translation>نقطة عبور</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="123" />
        <source>border crossing</source>
        <translation>معبر حدودي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="124" />
        <source>town</source>
        <translation>بلدة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="124" />
        <source>city</source>
        <translation>مدينة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="124" />
        <source>village</source>
        <translation>قرية</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="125" />
        <source>military base</source>
        <translation>قاعدة عسكرية</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="125" />
        <source>consulate</source>
        <translation>قنصلية</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="126" />
        <source>mission headquarters</source>
        <translation>مقر بعثة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="126" />
        <source>enclave</source>
        <translation>جيب</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="127" />
        <source>other countries</source>
        <translation>بلدان أخرى</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="127" />
        <source>border</source>
        <translation>حدود</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="128" />
        <source>area of control</source>
        <translation>منطقة سيطرة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="128" />
        <source>villages</source>
        <translation>قرى</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="128" />
        <source>note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="135" />
        <source>date not shown</source>
        <translation>التاريخ غير مذكور</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="137" />
        <source>%1, inferred</source>
        <translation>%1، مُستنتَج</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="146" />
        <source>Click a feature on the map, or double-click one in the Layers panel, to see what it is and where the facts come from.</source>
        <translation>انقر على معلم في الخريطة، أو انقر نقرًا مزدوجًا على أحد المعالم في لوحة الطبقات، لترى ما هو ومن أين جاءت المعلومات.</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="153" />
        <source>Newest article first</source>
        <translation>الأحدث أولًا</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="154" />
        <source>By article</source>
        <translation>حسب المقال</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="164" />
        <source>Passages</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="171" />
        <source>no date</source>
        <translation>بلا تاريخ</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="172" />
        <source>Only %1 — show every month</source>
        <translation>%1 فقط — اعرض كل الأشهر</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="173" />
        <source>Click the bar again, or here, to list the passages of every month</source>
        <translation>انقر العمود مرة أخرى، أو هنا، لعرض مقاطع كل الأشهر</translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="287" />
        <source>Mentioned %n time(s) in the articles</source>
        <translation>
            <numerusform>لم يرد ذكره في المقالات</numerusform>
            <numerusform>ورد ذكره مرة واحدة في المقالات</numerusform>
            <numerusform>ورد ذكره مرتين في المقالات</numerusform>
            <numerusform>ورد ذكره %n مرات في المقالات</numerusform>
            <numerusform>ورد ذكره %n مرة في المقالات</numerusform>
            <numerusform>ورد ذكره %n مرة في المقالات</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="309" />
        <source>%1 km²</source>
        <translation>%1 كم²</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="312" />
        <source>%1 km</source>
        <translation>%1 كم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="190" />
        <source>No article mentions this feature.</source>
        <translation>لا يذكر أي مقال هذا المعلم.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="180" />
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="196" />
        <source>%n mention(s)</source>
        <translation>
            <numerusform>لا إشارات</numerusform>
            <numerusform>إشارة واحدة</numerusform>
            <numerusform>إشارتان</numerusform>
            <numerusform>%n إشارات</numerusform>
            <numerusform>%n إشارة</numerusform>
            <numerusform>%n إشارة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="182" />
        <source>in %n passage(s)</source>
        <translation>
            <numerusform>في %n مقطع</numerusform>
            <numerusform>في مقطع واحد</numerusform>
            <numerusform>في مقطعين</numerusform>
            <numerusform>في %n مقاطع</numerusform>
            <numerusform>في %n مقطعًا</numerusform>
            <numerusform>في %n مقطع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="182" />
        <source>of %n article(s)</source>
        <translation>
            <numerusform>من %n مقال</numerusform>
            <numerusform>من مقال واحد</numerusform>
            <numerusform>من مقالين</numerusform>
            <numerusform>من %n مقالات</numerusform>
            <numerusform>من %n مقالًا</numerusform>
            <numerusform>من %n مقال</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="184" />
        <source>Passages: %1</source>
        <translation>المقاطع: %1</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="272" />
        <source>Part of</source>
        <translation>جزء من</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="273" />
        <source>Dates</source>
        <translation>التواريخ</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="274" />
        <source>Area drawn on this map</source>
        <translation>المساحة المرسومة على هذه الخريطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="275" />
        <source>computed, equal-area projection</source>
        <translation>محسوبة بإسقاط متساوي المساحات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="276" />
        <source>Length drawn on this map</source>
        <translation>الطول المرسوم على هذه الخريطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="277" />
        <source>Official figure</source>
        <translation>الرقم الرسمي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="278" />
        <source>Accuracy</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="279" />
        <source>Sources</source>
        <translation>المصادر</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="99" />
        <source>&amp;New project</source>
        <translation>مشروع &amp;جديد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="99" />
        <source>&amp;Open project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="99" />
        <source>&amp;Save project</source>
        <translation>&amp;حفظ المشروع</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="100" />
        <source>Save project &amp;as…</source>
        <translation>حفظ المشروع &amp;باسم…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="100" />
        <source>Add &amp;layer…</source>
        <translation>إضافة &amp;طبقة…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="101" />
        <source>Add &amp;articles…</source>
        <translation>إضافة &amp;مقالات…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="101" />
        <source>Add article &amp;folder…</source>
        <translation>إضافة مجلد م&amp;قالات…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="102" />
        <source>Imported layer st&amp;yle…</source>
        <translation>&amp;نمط الطبقة المستوردة…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="102" />
        <source>&amp;Remove imported layer…</source>
        <translation>إ&amp;زالة طبقة مستوردة…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="103" />
        <source>Import scenes from project…</source>
        <translation>استيراد مشاهد من مشروع…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="107" />
        <source>Open &amp;recent</source>
        <translation>المشاريع الأ&amp;خيرة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="126" />
        <source>read-only</source>
        <translation>للقراءة فقط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="187" />
        <source>%1: not a file Corridor Viewer reads (layers: GeoJSON, GeoPackage, zipped Shapefile, KML, CSV; articles: .txt, .md, .html; projects: .cvproj)</source>
        <translation>%1: ليس ملفًا يقرؤه Corridor Viewer (الطبقات: GeoJSON وGeoPackage وShapefile مضغوط وKML وCSV؛ المقالات: ‎.txt و‎.md و‎.html؛ المشاريع: ‎.cvproj)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="193" />
        <source>Cannot add these files</source>
        <translation>تعذّرت إضافة هذه الملفات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="207" />
        <source>map</source>
        <translation>خريطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="208" />
        <source>Save project</source>
        <translation>حفظ المشروع</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="209" />
        <location filename="../../corridor_viewer/ui/file_menu.py" line="258" />
        <source>Corridor Viewer project</source>
        <translation>مشروع Corridor Viewer</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="221" />
        <source>Read-only project</source>
        <translation>مشروع للقراءة فقط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="221" />
        <source>Cannot save the project</source>
        <translation>تعذّر حفظ المشروع</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="225" />
        <source>Kept the original as %1</source>
        <translation>حُفظت النسخة الأصلية باسم %1</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="229" />
        <source>Saved %1</source>
        <translation>حُفظ %1</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="237" />
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="238" />
        <source>Save the changes to this project first?</source>
        <translation>هل تريد حفظ التغييرات في هذا المشروع أولًا؟</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="257" />
        <location filename="../../corridor_viewer/ui/file_menu.py" line="267" />
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="266" />
        <source>Opening %1…</source>
        <translation>جارٍ فتح %1…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="266" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="291" />
        <source>Opening cancelled; nothing changed</source>
        <translation>أُلغي الفتح؛ لم يتغيّر شيء</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="293" />
        <source>Cannot open the project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="293" />
        <source>The file was not changed.</source>
        <translation>لم يُغيَّر الملف.</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="304" />
        <source>Project opened with problems</source>
        <translation>فُتح المشروع مع بعض المشكلات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="305" />
        <source>Read-only</source>
        <translation>للقراءة فقط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="311" />
        <source>Import scenes</source>
        <translation>استيراد المشاهد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="312" />
        <source>Projects and scene files</source>
        <translation>المشاريع وملفات المشاهد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="312" />
        <source>All files</source>
        <translation>كل الملفات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="319" />
        <source>Cannot import the scenes</source>
        <translation>تعذّر استيراد المشاهد</translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/file_menu.py" line="321" />
        <source>Added %n scene(s) after yours</source>
        <translation>
            <numerusform>لم يُضف أي مشهد</numerusform>
            <numerusform>أُضيف مشهد واحد بعد مشاهدك</numerusform>
            <numerusform>أُضيف مشهدان بعد مشاهدك</numerusform>
            <numerusform>أُضيف %n مشاهد بعد مشاهدك</numerusform>
            <numerusform>أُضيف %n مشهدًا بعد مشاهدك</numerusform>
            <numerusform>أُضيف %n مشهد بعد مشاهدك</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/file_menu.py" line="349" />
        <source>Clear the list</source>
        <translation>مسح القائمة</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="47" />
        <location filename="../../corridor_viewer/ui/imports.py" line="89" />
        <source>Add layer</source>
        <translation>إضافة طبقة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="48" />
        <source>Map layers</source>
        <translation>طبقات الخريطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="48" />
        <source>All files</source>
        <translation>كل الملفات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="61" />
        <location filename="../../corridor_viewer/ui/imports.py" line="127" />
        <location filename="../../corridor_viewer/ui/imports.py" line="138" />
        <source>Cannot add the layer</source>
        <translation>تعذّرت إضافة الطبقة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="65" />
        <source>Choose a layer</source>
        <translation>اختر طبقة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="66" />
        <source>%1 holds several layers. Add which one?</source>
        <translation>يحتوي %1 على عدة طبقات. أيّها تريد إضافتها؟</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="88" />
        <source>Reading %1…</source>
        <translation>جارٍ قراءة %1…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="88" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="125" />
        <source>Import cancelled; nothing was added</source>
        <translation>أُلغي الاستيراد؛ لم يُضف شيء</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="153" />
        <source>Layer not added</source>
        <translation>لم تُضف الطبقة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="158" />
        <source>Added layer %1: %2</source>
        <translation>أُضيفت الطبقة %1: %2</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="160" />
        <source>(too many names to look for in the articles; not linked)</source>
        <translation>(أسماء أكثر من أن يُبحث عنها في المقالات؛ لم تُربط)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="163" />
        <source>Layer added</source>
        <translation>أُضيفت الطبقة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/imports.py" line="168" />
        <source>%n feature(s) imported</source>
        <translation>
            <numerusform>لم يُستورد أي معلم</numerusform>
            <numerusform>استُورد معلم واحد</numerusform>
            <numerusform>استُورد معلمان</numerusform>
            <numerusform>استُورد %n معالم</numerusform>
            <numerusform>استُورد %n معلمًا</numerusform>
            <numerusform>استُورد %n معلم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/imports.py" line="170" />
        <source>%n repaired</source>
        <translation>
            <numerusform>لم يُصلَح أي معلم</numerusform>
            <numerusform>أُصلح معلم واحد</numerusform>
            <numerusform>أُصلح معلمان</numerusform>
            <numerusform>أُصلح %n معالم</numerusform>
            <numerusform>أُصلح %n معلمًا</numerusform>
            <numerusform>أُصلح %n معلم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/imports.py" line="172" />
        <source>%n skipped</source>
        <translation>
            <numerusform>لم يُستبعد أي معلم</numerusform>
            <numerusform>استُبعد معلم واحد</numerusform>
            <numerusform>استُبعد معلمان</numerusform>
            <numerusform>استُبعد %n معالم</numerusform>
            <numerusform>استُبعد %n معلمًا</numerusform>
            <numerusform>استُبعد %n معلم</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="175" />
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="186" />
        <source>Layer:</source>
        <translation>الطبقة:</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="193" />
        <source>Imported layer style</source>
        <translation>نمط الطبقة المستوردة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="203" />
        <source>Remove imported layer</source>
        <translation>إزالة طبقة مستوردة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="209" />
        <source>Add articles</source>
        <translation>إضافة مقالات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="210" />
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="215" />
        <source>Add a folder of articles</source>
        <translation>إضافة مجلد مقالات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="221" />
        <source>Cannot add the articles</source>
        <translation>تعذّرت إضافة المقالات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="239" />
        <source>Some articles could not be added</source>
        <translation>تعذّرت إضافة بعض المقالات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/imports.py" line="250" />
        <source>Check the dates</source>
        <translation>راجع التواريخ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/imports.py" line="256" />
        <source>Added %n article(s) and linked them to the map</source>
        <translation>
            <numerusform>لم يُضف أي مقال</numerusform>
            <numerusform>أُضيف مقال واحد ورُبط بالخريطة</numerusform>
            <numerusform>أُضيف مقالان ورُبطا بالخريطة</numerusform>
            <numerusform>أُضيف %n مقالات ورُبطت بالخريطة</numerusform>
            <numerusform>أُضيف %n مقالًا ورُبطت بالخريطة</numerusform>
            <numerusform>أُضيف %n مقال ورُبطت بالخريطة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelTextDialog</name>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="175" />
        <source>Label text for this map</source>
        <translation>نص التسمية في هذه الخريطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="182" />
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_dialog.py" line="183" />
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
</context>
<context>
    <name>LayerStyleDialog</name>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="74" />
        <source>Layer style</source>
        <translation>نمط الطبقة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="84" />
        <source>solid</source>
        <translation>متصل</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="84" />
        <source>dashed</source>
        <translation>متقطع</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="84" />
        <source>dotted</source>
        <translation>منقّط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="85" />
        <source>dash-dot</source>
        <translation>شرطة ونقطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="98" />
        <source>circle</source>
        <translation>دائرة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="98" />
        <source>square</source>
        <translation>مربع</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="98" />
        <source>diamond</source>
        <translation>معيّن</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="105" />
        <source>Show names on the map</source>
        <translation>إظهار الأسماء على الخريطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="110" />
        <source>Name in the Layers panel</source>
        <translation>الاسم في لوحة الطبقات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="112" />
        <source>Marker</source>
        <translation>العلامة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="113" />
        <source>Marker size</source>
        <translation>حجم العلامة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="114" />
        <source>Marker colour</source>
        <translation>لون العلامة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="117" />
        <source>Fill</source>
        <translation>التعبئة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="118" />
        <source>Fill opacity</source>
        <translation>شفافية التعبئة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="119" />
        <source>Line colour</source>
        <translation>لون الخط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="120" />
        <source>Line width</source>
        <translation>عرض الخط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="121" />
        <source>Line style</source>
        <translation>نمط الخط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="122" />
        <source>Opacity</source>
        <translation>العتامة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="124" />
        <source>Preview</source>
        <translation>معاينة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="127" />
        <source>Copy the features into the project file (it works anywhere)</source>
        <translation>نسخ المعالم إلى ملف المشروع (يعمل في أي مكان)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="128" />
        <source>Refer to this file (the project stays small; keep the file)</source>
        <translation>الإشارة إلى هذا الملف (يبقى المشروع صغيرًا؛ احتفظ بالملف)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/import_dialogs.py" line="131" />
        <source>When you save the project:</source>
        <translation>عند حفظ المشروع:</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <location filename="../../corridor_viewer/ui/layers_panel.py" line="55" />
        <source>Layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/layers_panel.py" line="55" />
        <source>Opacity</source>
        <translation>العتامة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/layers_panel.py" line="64" />
        <source>Shaded relief: drawn when the map shows the whole region</source>
        <translation>تظليل التضاريس: يُرسم حين تعرض الخريطة المنطقة كلها</translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/layers_panel.py" line="65" />
        <source>%n feature(s)</source>
        <translation>
            <numerusform>لا معالم</numerusform>
            <numerusform>معلم واحد</numerusform>
            <numerusform>معلمان</numerusform>
            <numerusform>%n معالم</numerusform>
            <numerusform>%n معلمًا</numerusform>
            <numerusform>%n معلم</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/layers_panel.py" line="70" />
        <source>Double-click to zoom to this feature</source>
        <translation>انقر نقرًا مزدوجًا للتكبير إلى هذا المعلم</translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/layers_panel.py" line="73" />
        <source>… and %n more</source>
        <translation>
            <numerusform>… ولا معالم أخرى</numerusform>
            <numerusform>… ومعلم آخر</numerusform>
            <numerusform>… ومعلمان آخران</numerusform>
            <numerusform>… و%n معالم أخرى</numerusform>
            <numerusform>… و%n معلمًا آخر</numerusform>
            <numerusform>… و%n معلم آخر</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/layers_panel.py" line="80" />
        <source>Opacity of %1</source>
        <translation>عتامة %1</translation>
    </message>
</context>
<context>
    <name>LessonActions</name>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="53" />
        <source>Export lesson as &amp;web page…</source>
        <translation>تصدير الدرس صفحة &amp;ويب…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="53" />
        <source>Export &amp;worksheet (PDF)…</source>
        <translation>تصدير &amp;ورقة عمل (PDF)…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="54" />
        <source>S&amp;hare lesson…</source>
        <translation>م&amp;شاركة الدرس…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="54" />
        <source>&amp;Import lesson…</source>
        <translation>ا&amp;ستيراد درس…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="55" />
        <source>&amp;Quiz: Where is …?</source>
        <translation>ا&amp;ختبار: أين يقع …؟</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="58" />
        <source>One file with your scenes and the layers and articles they use</source>
        <translation>ملف واحد يضم مشاهدك والطبقات والمقالات التي تستعملها</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="84" />
        <source>Still working on the last one; try again in a moment</source>
        <translation>ما زال العمل على الطلب السابق جاريًا؛ حاول بعد قليل</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="114" />
        <location filename="../../corridor_viewer/ui/lessons.py" line="116" />
        <source>Export lesson as web page</source>
        <translation>تصدير الدرس صفحة ويب</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="114" />
        <source>There are no scenes to export.</source>
        <translation>لا توجد مشاهد لتصديرها.</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="116" />
        <location filename="../../corridor_viewer/ui/lessons.py" line="173" />
        <source>lesson</source>
        <translation>درس</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="117" />
        <source>Web page</source>
        <translation>صفحة ويب</translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/lessons.py" line="126" />
        <source>Saved %1: a web page of %n scene(s) with the quiz; it works offline</source>
        <translation>
            <numerusform>حُفظ %1: صفحة ويب بلا مشاهد مع الاختبار، تعمل دون اتصال</numerusform>
            <numerusform>حُفظ %1: صفحة ويب من مشهد واحد مع الاختبار، تعمل دون اتصال</numerusform>
            <numerusform>حُفظ %1: صفحة ويب من مشهدين مع الاختبار، تعمل دون اتصال</numerusform>
            <numerusform>حُفظ %1: صفحة ويب من %n مشاهد مع الاختبار، تعمل دون اتصال</numerusform>
            <numerusform>حُفظ %1: صفحة ويب من %n مشهدًا مع الاختبار، تعمل دون اتصال</numerusform>
            <numerusform>حُفظ %1: صفحة ويب من %n مشهد مع الاختبار، تعمل دون اتصال</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="128" />
        <location filename="../../corridor_viewer/ui/lessons.py" line="143" />
        <location filename="../../corridor_viewer/ui/lessons.py" line="159" />
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="129" />
        <source>Writing the web page…</source>
        <translation>جارٍ كتابة صفحة الويب…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="146" />
        <location filename="../../corridor_viewer/ui/lessons.py" line="149" />
        <source>Export worksheet</source>
        <translation>تصدير ورقة العمل</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="146" />
        <source>None of these scenes has a worksheet question or a highlighted place to ask about.</source>
        <translation>لا يضم أيٌّ من هذه المشاهد سؤالًا لورقة العمل أو مكانًا مميَّزًا يُسأل عنه.</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="149" />
        <source>worksheet</source>
        <translation>ورقة_عمل</translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/lessons.py" line="163" />
        <source>%n page(s)</source>
        <translation>
            <numerusform>لا صفحات</numerusform>
            <numerusform>صفحة واحدة</numerusform>
            <numerusform>صفحتين</numerusform>
            <numerusform>%n صفحات</numerusform>
            <numerusform>%n صفحةً</numerusform>
            <numerusform>%n صفحة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="164" />
        <source>Saved %1: a worksheet of %2 with an answer key</source>
        <translation>حُفظ %1: ورقة عمل من %2 مع مفتاح الإجابات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="171" />
        <location filename="../../corridor_viewer/ui/lessons.py" line="173" />
        <source>Share lesson</source>
        <translation>مشاركة الدرس</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="171" />
        <source>There are no scenes to share.</source>
        <translation>لا توجد مشاهد لمشاركتها.</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="174" />
        <location filename="../../corridor_viewer/ui/lessons.py" line="188" />
        <source>Corridor Viewer lesson</source>
        <translation>درس Corridor Viewer</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="180" />
        <source>Cannot save the lesson</source>
        <translation>تعذّر حفظ الدرس</translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/lessons.py" line="182" />
        <source>Saved %1: %n scene(s)</source>
        <translation>
            <numerusform>حُفظ %1: لا مشاهد</numerusform>
            <numerusform>حُفظ %1: مشهد واحد</numerusform>
            <numerusform>حُفظ %1: مشهدان</numerusform>
            <numerusform>حُفظ %1: %n مشاهد</numerusform>
            <numerusform>حُفظ %1: %n مشهدًا</numerusform>
            <numerusform>حُفظ %1: %n مشهد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/lessons.py" line="183" />
        <source>with %n of your layer(s)</source>
        <translation>
            <numerusform>دون طبقات من طبقاتك</numerusform>
            <numerusform>مع طبقة واحدة من طبقاتك</numerusform>
            <numerusform>مع طبقتين من طبقاتك</numerusform>
            <numerusform>مع %n طبقات من طبقاتك</numerusform>
            <numerusform>مع %n طبقةً من طبقاتك</numerusform>
            <numerusform>مع %n طبقة من طبقاتك</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="187" />
        <source>Import lesson</source>
        <translation>استيراد درس</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="189" />
        <source>All files</source>
        <translation>كل الملفات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="194" />
        <source>Cannot import the lesson</source>
        <translation>تعذّر استيراد الدرس</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="195" />
        <source>Reading %1…</source>
        <translation>جارٍ قراءة %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/lessons.py" line="200" />
        <source>Added %n scene(s) after yours</source>
        <translation>
            <numerusform>لم يُضف أي مشهد</numerusform>
            <numerusform>أُضيف مشهد واحد بعد مشاهدك</numerusform>
            <numerusform>أُضيف مشهدان بعد مشاهدك</numerusform>
            <numerusform>أُضيف %n مشاهد بعد مشاهدك</numerusform>
            <numerusform>أُضيف %n مشهدًا بعد مشاهدك</numerusform>
            <numerusform>أُضيف %n مشهد بعد مشاهدك</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="202" />
        <source>You already have every scene of this lesson; nothing was added</source>
        <translation>لديك كل مشاهد هذا الدرس؛ لم يُضف شيء</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="204" />
        <source>Lesson imported</source>
        <translation>استُورد الدرس</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="220" />
        <source>Quiz</source>
        <translation>اختبار</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/lessons.py" line="220" />
        <source>This map has none of the quiz's places.</source>
        <translation>لا تضم هذه الخريطة أيًّا من أماكن الاختبار.</translation>
    </message>
</context>
<context>
    <name>LinkMenu</name>
    <message>
        <location filename="../../corridor_viewer/ui/link_menu.py" line="54" />
        <source>matched as a spelling variant of %1</source>
        <translation>وُجد بوصفه تهجئةً أخرى لـ %1</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/link_menu.py" line="61" />
        <source>you said: not this place</source>
        <translation>قلتَ: ليس هذا المكان</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/link_menu.py" line="63" />
        <source>linked by you</source>
        <translation>ربطتَه أنت</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/link_menu.py" line="65" />
        <source>confirmed by you</source>
        <translation>أكّدتَه أنت</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/link_menu.py" line="82" />
        <location filename="../../corridor_viewer/ui/link_menu.py" line="182" />
        <location filename="../../corridor_viewer/ui/link_menu.py" line="203" />
        <source>This is …</source>
        <translation>هذا هو …</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/link_menu.py" line="89" />
        <source>Type a name in any language or spelling</source>
        <translation>اكتب اسمًا بأي لغة أو بأي إملاء</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/link_menu.py" line="93" />
        <source>Which place does %1 name?</source>
        <translation>أيّ مكان يسمّيه %1؟</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/link_menu.py" line="170" />
        <source>Confirm: this is %1</source>
        <translation>تأكيد: هذا هو %1</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/link_menu.py" line="174" />
        <source>Not this place</source>
        <translation>ليس هذا المكان</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/link_menu.py" line="185" />
        <source>Remove my link</source>
        <translation>إزالة ربطي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/link_menu.py" line="186" />
        <source>Undo my decision (back to the linker's)</source>
        <translation>التراجع عن قراري (العودة إلى الربط الآلي)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="82" />
        <source>Could not link the articles: %1</source>
        <translation>تعذّر ربط المقالات: %1</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="238" />
        <source>South Caucasus corridors</source>
        <translation>ممرات جنوب القوقاز</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="239" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="240" />
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="241" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="242" />
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="243" />
        <source>&amp;Language</source>
        <translation>ال&amp;لغة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="245" />
        <source>&amp;Export map…</source>
        <translation>&amp;تصدير الخريطة…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="245" />
        <source>&amp;Copy map image</source>
        <translation>&amp;نسخ صورة الخريطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="246" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="246" />
        <source>&amp;Fit all</source>
        <translation>&amp;عرض الكل</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="247" />
        <source>Zoom &amp;in</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="247" />
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="248" />
        <source>Zoom to &amp;selection</source>
        <translation>التكبير إلى ال&amp;تحديد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="248" />
        <source>&amp;Clear selection</source>
        <translation>إل&amp;غاء التحديد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="249" />
        <source>&amp;Search…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="249" />
        <source>&amp;Mentioned in the articles only</source>
        <translation>ما ورد في المقالات &amp;فقط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="250" />
        <source>Mention &amp;counts on the map</source>
        <translation>أعداد الإشارات على ال&amp;خريطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="251" />
        <source>&amp;Present the scenes</source>
        <translation>&amp;عرض المشاهد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="251" />
        <source>Export &amp;handout (PDF)…</source>
        <translation>تصدير &amp;المطبوعة (PDF)…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="252" />
        <source>&amp;About Corridor Viewer</source>
        <translation>&amp;حول عارض الممرات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="253" />
        <location filename="../../corridor_viewer/ui/main_window.py" line="280" />
        <source>&amp;Undo link decision</source>
        <translation>&amp;تراجع عن قرار الربط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="257" />
        <source>Layers</source>
        <translation>الطبقات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="258" />
        <source>Feature</source>
        <translation>المعلم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="259" />
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="260" />
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="261" />
        <source>Scenes</source>
        <translation>المشاهد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="262" />
        <source>Timeline</source>
        <translation>الخط الزمني</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="273" />
        <source>confirm</source>
        <translation>تأكيد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="273" />
        <source>not this place</source>
        <translation>ليس هذا المكان</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="273" />
        <location filename="../../corridor_viewer/ui/main_window.py" line="274" />
        <source>this is …</source>
        <translation>هذا هو …</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="274" />
        <source>undo my decision</source>
        <translation>التراجع عن قراري</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="277" />
        <source>&amp;Undo link decision: %1</source>
        <translation>&amp;تراجع عن قرار الربط: %1</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="284" />
        <source>Link decision undone</source>
        <translation>تم التراجع عن قرار الربط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="328" />
        <source>Export handout</source>
        <translation>تصدير المطبوعة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="338" />
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/main_window.py" line="341" />
        <source>PDF handout, %n page(s)</source>
        <translation>
            <numerusform>مطبوعة PDF بلا صفحات</numerusform>
            <numerusform>مطبوعة PDF من صفحة واحدة</numerusform>
            <numerusform>مطبوعة PDF من صفحتين</numerusform>
            <numerusform>مطبوعة PDF من %n صفحات</numerusform>
            <numerusform>مطبوعة PDF من %n صفحة</numerusform>
            <numerusform>مطبوعة PDF من %n صفحة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="342" />
        <source>Saved %1</source>
        <translation>حُفظ %1</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="388" />
        <source>Copied a %1 × %2 map image to the clipboard</source>
        <translation>نُسخت صورة خريطة بحجم %1 × %2 إلى الحافظة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="402" />
        <source>Scale: %1 m per pixel</source>
        <translation>المقياس: %1 م لكل بكسل</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="405" />
        <source>About Corridor Viewer</source>
        <translation>حول عارض الممرات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="410" />
        <source>A map of the South Caucasus transport corridors, linked to Arabic news articles.</source>
        <translation>خريطة لممرات النقل في جنوب القوقاز، مرتبطة بمقالات إخبارية عربية.</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="411" />
        <source>Map data:</source>
        <translation>بيانات الخريطة:</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="414" />
        <source>routes and dates from the project fact sheet (sources listed per feature).</source>
        <translation>المسارات والتواريخ من صحيفة الوقائع الخاصة بالمشروع (المصادر مذكورة لكل معلم).</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/main_window.py" line="415" />
        <source>Proposed alignments are approximate: each feature states its accuracy.</source>
        <translation>مسارات المشاريع المقترحة تقريبية: يذكر كل معلم مدى دقته.</translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <location filename="../../corridor_viewer/ui/canvas.py" line="274" />
        <source>Data as of %1</source>
        <translation>البيانات حتى %1</translation>
    </message>
</context>
<context>
    <name>MapEditor</name>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="121" />
        <source>Delete annotation</source>
        <translation>حذف التعليق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="125" />
        <source>Change the drawing order</source>
        <translation>تغيير ترتيب الرسم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="132" />
        <source>Hide label</source>
        <translation>إخفاء التسمية</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="135" />
        <source>Show label always</source>
        <translation>إظهار التسمية دائمًا</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="138" />
        <source>Change label text</source>
        <translation>تغيير نص التسمية</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="141" />
        <source>Move label</source>
        <translation>نقل التسمية</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="144" />
        <source>Reset label</source>
        <translation>إعادة التسمية إلى التلقائي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="147" />
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="435" />
        <source>Reset all label edits</source>
        <translation>إلغاء كل تعديلات التسميات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="239" />
        <source>Move annotation</source>
        <translation>نقل التعليق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="239" />
        <source>Reshape annotation</source>
        <translation>تعديل شكل التعليق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="306" />
        <source>Add a marker</source>
        <translation>إضافة علامة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="306" />
        <source>Add a text</source>
        <translation>إضافة نص</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="312" />
        <source>Draw an arrow</source>
        <translation>رسم سهم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="312" />
        <source>Draw a line</source>
        <translation>رسم خط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="313" />
        <source>Measure a distance</source>
        <translation>قياس مسافة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="313" />
        <source>Draw a circle</source>
        <translation>رسم دائرة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="314" />
        <source>Draw a rectangle</source>
        <translation>رسم مستطيل</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="315" />
        <source>Draw</source>
        <translation>رسم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="337" />
        <source>Draw an area</source>
        <translation>رسم منطقة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="412" />
        <source>Edit…</source>
        <translation>تحرير…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="413" />
        <source>Bring to front</source>
        <translation>إحضار إلى الأمام</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="414" />
        <source>Send to back</source>
        <translation>إرسال إلى الخلف</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="416" />
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="425" />
        <source>Show its label always</source>
        <translation>إظهار تسميته دائمًا</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="429" />
        <source>Hide this label</source>
        <translation>إخفاء هذه التسمية</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="430" />
        <source>Change the label's text…</source>
        <translation>تغيير نص التسمية…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/annotation_editor.py" line="432" />
        <source>Reset the label to automatic</source>
        <translation>إعادة التسمية إلى الوضع التلقائي</translation>
    </message>
</context>
<context>
    <name>MapEdits</name>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="113" />
        <source>Select</source>
        <translation>تحديد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="113" />
        <source>Marker</source>
        <translation>علامة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="113" />
        <source>Text</source>
        <translation>نص</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="114" />
        <source>Arrow</source>
        <translation>سهم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="114" />
        <source>Line</source>
        <translation>خط</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="114" />
        <source>Distance</source>
        <translation>مسافة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="115" />
        <source>Area</source>
        <translation>منطقة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="115" />
        <source>Circle</source>
        <translation>دائرة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="115" />
        <source>Rectangle</source>
        <translation>مستطيل</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="116" />
        <source>Select, move and reshape annotations; drag a map label to move it</source>
        <translation>حدّد التعليقات وانقلها وعدّل شكلها؛ اسحب أي تسمية على الخريطة لنقلها</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="117" />
        <source>Click to place a marker</source>
        <translation>انقر لوضع علامة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="117" />
        <source>Click to place a text</source>
        <translation>انقر لوضع نص</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="118" />
        <source>Drag to draw an arrow (Shift: straight)</source>
        <translation>اسحب لرسم سهم (مع Shift: مستقيم)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="119" />
        <source>Drag to draw a line (Shift: straight)</source>
        <translation>اسحب لرسم خط (مع Shift: مستقيم)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="120" />
        <source>Drag to measure a distance on the ground</source>
        <translation>اسحب لقياس مسافة على الأرض</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="121" />
        <source>Click the corners; double-click or Enter to close the area</source>
        <translation>انقر على الزوايا؛ ثم انقر نقرًا مزدوجًا أو اضغط Enter لإغلاق المنطقة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="122" />
        <source>Drag from the centre to draw a circle</source>
        <translation>اسحب من المركز لرسم دائرة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="123" />
        <source>Drag from corner to corner to draw a rectangle</source>
        <translation>اسحب من زاوية إلى الزاوية المقابلة لرسم مستطيل</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="127" />
        <source>Annotation tools</source>
        <translation>أدوات التعليق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="128" />
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="129" />
        <source>&amp;Draw</source>
        <translation>&amp;رسم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="130" />
        <source>&amp;Delete annotation</source>
        <translation>&amp;حذف التعليق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="131" />
        <source>Reset all &amp;label edits</source>
        <translation>إلغاء كل تعديلات ال&amp;تسميات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="139" />
        <source>&amp;Undo %1</source>
        <translation>&amp;تراجع %1</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="140" />
        <source>&amp;Redo %1</source>
        <translation>إ&amp;عادة %1</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="164" />
        <source>Edit annotation</source>
        <translation>تحرير التعليق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="186" />
        <location filename="../../corridor_viewer/ui/map_edits.py" line="196" />
        <source>Import annotations</source>
        <translation>استيراد التعليقات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="187" />
        <location filename="../../corridor_viewer/ui/map_edits.py" line="206" />
        <source>GeoJSON</source>
        <translation>GeoJSON</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="194" />
        <source>Cannot import the annotations</source>
        <translation>تعذّر استيراد التعليقات</translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/map_edits.py" line="197" />
        <source>Added %n annotation(s)</source>
        <translation>
            <numerusform>لم يُضف أي تعليق</numerusform>
            <numerusform>أُضيف تعليق واحد</numerusform>
            <numerusform>أُضيف تعليقان</numerusform>
            <numerusform>أُضيف %n تعليقات</numerusform>
            <numerusform>أُضيف %n تعليقًا</numerusform>
            <numerusform>أُضيف %n تعليق</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="205" />
        <source>Export annotations</source>
        <translation>تصدير التعليقات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="213" />
        <source>Cannot export the annotations</source>
        <translation>تعذّر تصدير التعليقات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="215" />
        <source>Saved %1</source>
        <translation>حُفظ %1</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/map_edits.py" line="224" />
        <location filename="../../corridor_viewer/ui/map_edits.py" line="227" />
        <source>Show the scene's annotations</source>
        <translation>عرض تعليقات المشهد</translation>
    </message>
</context>
<context>
    <name>MentionsChart</name>
    <message>
        <location filename="../../corridor_viewer/ui/mentions_chart.py" line="100" />
        <source>no date</source>
        <translation>بلا تاريخ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/mentions_chart.py" line="104" />
        <source>%n mention(s)</source>
        <translation>
            <numerusform>لا إشارات</numerusform>
            <numerusform>إشارة واحدة</numerusform>
            <numerusform>إشارتان</numerusform>
            <numerusform>%n إشارات</numerusform>
            <numerusform>%n إشارة</numerusform>
            <numerusform>%n إشارة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/mentions_chart.py" line="105" />
        <source>in %n article(s)</source>
        <translation>
            <numerusform>في %n مقال</numerusform>
            <numerusform>في مقال واحد</numerusform>
            <numerusform>في مقالين</numerusform>
            <numerusform>في %n مقالات</numerusform>
            <numerusform>في %n مقالًا</numerusform>
            <numerusform>في %n مقال</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/mentions_chart.py" line="107" />
        <source>no mention</source>
        <translation>لا إشارة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/mentions_chart.py" line="112" />
        <location filename="../../corridor_viewer/ui/mentions_chart.py" line="157" />
        <source>No dated article mentions this feature.</source>
        <translation>لا يذكر هذا المعلمَ أيُّ مقال مؤرَّخ.</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/mentions_chart.py" line="114" />
        <source>Mentions per month; most in %1</source>
        <translation>الإشارات في كل شهر؛ أكثرها في %1</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/mentions_chart.py" line="134" />
        <source>Click again to show every month</source>
        <translation>انقر مرة أخرى لعرض كل الأشهر</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/mentions_chart.py" line="135" />
        <source>Click to list only these passages</source>
        <translation>انقر لعرض هذه المقاطع وحدها</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <location filename="../../corridor_viewer/ui/presentation.py" line="189" />
        <source>Presentation</source>
        <translation>العرض التقديمي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/presentation.py" line="372" />
        <source>next (a long passage scrolls first)</source>
        <translation>التالي (يُمرَّر المقطع الطويل أولًا)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/presentation.py" line="372" />
        <source>next scene</source>
        <translation>المشهد التالي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/presentation.py" line="373" />
        <source>back</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/presentation.py" line="373" />
        <source>pointer</source>
        <translation>المؤشر</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/presentation.py" line="373" />
        <source>pen</source>
        <translation>القلم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/presentation.py" line="374" />
        <source>high contrast</source>
        <translation>تباين عالٍ</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/presentation.py" line="374" />
        <source>passages</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/presentation.py" line="376" />
        <source>Arabic original</source>
        <translation>النص العربي الأصلي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/presentation.py" line="377" />
        <source>leave</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/presentation.py" line="401" />
        <source>outlet not named in the text</source>
        <translation>لا يذكر النص اسم الناشر</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/presentation.py" line="441" />
        <source>(no English translation of this passage yet)</source>
        <translation>(لا ترجمة إنجليزية لهذا المقطع بعد)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/presentation.py" line="467" />
        <source>Sources: %1</source>
        <translation>المصادر: %1</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/presentation.py" line="472" />
        <source>more below</source>
        <translation>المزيد في الأسفل</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="53" />
        <source>Folder</source>
        <translation>مجلد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="54" />
        <source>File Folder</source>
        <translation>مجلد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="55" />
        <source>File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="56" />
        <source>Drive</source>
        <translation>قرص</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="57" />
        <source>Alias</source>
        <translation>اسم مستعار</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="58" />
        <source>Shortcut</source>
        <translation>اختصار</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="59" />
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="48" />
        <source>&amp;Look in:</source>
        <translation>الب&amp;حث في:</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="49" />
        <source>Files of &amp;type:</source>
        <translation>ن&amp;وع الملفات:</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="50" />
        <source>&amp;Open</source>
        <translation>&amp;فتح</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="51" />
        <source>&amp;Save</source>
        <translation>&amp;حفظ</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="52" />
        <source>&amp;Choose</source>
        <translation>ا&amp;ختيار</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="42" />
        <source>&amp;Cancel</source>
        <translation>إ&amp;لغاء</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="43" />
        <source>&amp;Save</source>
        <translation>&amp;حفظ</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="44" />
        <source>&amp;Close</source>
        <translation>إ&amp;غلاق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="45" />
        <source>Close without Saving</source>
        <translation>إغلاق دون حفظ</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="30" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="31" />
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="32" />
        <source>Save All</source>
        <translation>حفظ الكل</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="33" />
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="34" />
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="35" />
        <source>Discard</source>
        <translation>عدم الحفظ</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="36" />
        <source>Apply</source>
        <translation>تطبيق</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="37" />
        <source>Reset</source>
        <translation>إعادة تعيين</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="38" />
        <source>Restore Defaults</source>
        <translation>استعادة الافتراضيات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="39" />
        <source>Abort</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="40" />
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <location filename="../../corridor_viewer/ui/i18n.py" line="46" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>QuizMode</name>
    <message>
        <location filename="../../corridor_viewer/ui/quiz.py" line="195" />
        <source>Show me</source>
        <translation>أرني</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/quiz.py" line="196" />
        <source>End the quiz</source>
        <translation>إنهاء الاختبار</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/quiz.py" line="197" />
        <source>Click the map where you think it is. The names are hidden.</source>
        <translation>انقر على الخريطة حيث تظن أنه يقع. الأسماء مخفية.</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/quiz.py" line="204" />
        <source>Score: %1 of %2</source>
        <translation>النتيجة: %1 من %2</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/quiz.py" line="207" />
        <source>Where is …?</source>
        <translation>أين يقع …؟</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/quiz.py" line="208" />
        <source>You got %1 of %2 right.</source>
        <translation>أجبت إجابة صحيحة عن %1 من %2.</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/quiz.py" line="214" />
        <source>Start again</source>
        <translation>ابدأ من جديد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/quiz.py" line="217" />
        <source>Where is …? Question %1 of %2</source>
        <translation>أين يقع …؟ السؤال %1 من %2</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/quiz.py" line="222" />
        <source>Next question</source>
        <translation>السؤال التالي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/quiz.py" line="235" />
        <source>Right! This is %1.</source>
        <translation>إجابة صحيحة! هذه %1.</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/quiz.py" line="239" />
        <source>Not quite: %1 km off. This is %2.</source>
        <translation>ليس تمامًا: على بعد %1 كم. هذه %2.</translation>
    </message>
</context>
<context>
    <name>SceneDialog</name>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="104" />
        <source>Scene</source>
        <translation>مشهد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="116" />
        <source>YYYY-MM-DD, or empty for today</source>
        <translation>YYYY-MM-DD، أو فارغ لليوم</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="117" />
        <source>Use the map's current view, layers, annotations and label edits</source>
        <translation>استخدام ما تعرضه الخريطة الآن: المنظور والطبقات والتعليقات وتعديلات التسميات</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="130" />
        <source>Add the map's selection</source>
        <translation>إضافة المحدَّد على الخريطة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="132" />
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="136" />
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="134" />
        <source>Add the reader's passage</source>
        <translation>إضافة المقطع المفتوح في القارئ</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="141" />
        <source>Title (English)</source>
        <translation>العنوان (بالإنجليزية)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="142" />
        <source>Title (Arabic)</source>
        <translation>العنوان (بالعربية)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="143" />
        <source>Caption (English)</source>
        <translation>الشرح (بالإنجليزية)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="144" />
        <source>Caption (Arabic)</source>
        <translation>الشرح (بالعربية)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="145" />
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="146" />
        <source>Highlighted features</source>
        <translation>المعالم المُبرَزة</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="148" />
        <source>Passages</source>
        <translation>المقاطع</translation>
    </message>
</context>
<context>
    <name>ScenesPanel</name>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="288" />
        <source>Add from view</source>
        <translation>إضافة من العرض الحالي</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="288" />
        <source>Edit…</source>
        <translation>تحرير…</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="288" />
        <source>Move up</source>
        <translation>نقل لأعلى</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="289" />
        <source>Move down</source>
        <translation>نقل لأسفل</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="289" />
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="289" />
        <source>Present (F5)</source>
        <translation>عرض (F5)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="401" />
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="404" />
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="414" />
        <source>Scene</source>
        <translation>مشهد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="401" />
        <source>The date is not valid: %1</source>
        <translation>التاريخ غير صالح: %1</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/scenes_panel.py" line="404" />
        <source>A scene needs a title.</source>
        <translation>يحتاج المشهد إلى عنوان.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../corridor_viewer/ui/search_panel.py" line="44" />
        <source>Search places, routes and article text (any spelling)</source>
        <translation>ابحث في الأماكن والمسارات ونص المقالات (بأي تهجئة)</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/search_panel.py" line="83" />
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/search_panel.py" line="83" />
        <source>%n feature(s)</source>
        <translation>
            <numerusform>لا معالم</numerusform>
            <numerusform>معلم واحد</numerusform>
            <numerusform>معلمان</numerusform>
            <numerusform>%n معالم</numerusform>
            <numerusform>%n معلمًا</numerusform>
            <numerusform>%n معلم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/search_panel.py" line="84" />
        <source>%n passage(s)</source>
        <translation>
            <numerusform>لا مقاطع</numerusform>
            <numerusform>مقطع واحد</numerusform>
            <numerusform>مقطعان</numerusform>
            <numerusform>%n مقاطع</numerusform>
            <numerusform>%n مقطعًا</numerusform>
            <numerusform>%n مقطع</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../corridor_viewer/ui/timeline.py" line="98" />
        <source>Show the map on a date</source>
        <translation>عرض الخريطة في تاريخ محدد</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/timeline.py" line="99" />
        <source>Features appear when announced and change style as work starts or finishes; red ticks are the articles' dates.</source>
        <translation>تظهر المعالم عند الإعلان عنها ويتغير شكلها مع بدء الأشغال أو انتهائها؛ العلامات الحمراء هي تواريخ المقالات.</translation>
    </message>
    <message>
        <location filename="../../corridor_viewer/ui/timeline.py" line="122" />
        <source>today</source>
        <translation>اليوم</translation>
    </message>
</context>
</TS>