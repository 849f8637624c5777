<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AnnotationsPanel</name>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/annotations_panel.py" line="113"/>
        <source>%n label edit(s)</source>
        <translation>
            <numerusform>%n label edit</numerusform>
            <numerusform>%n label edits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/crash_dialog.py" line="73"/>
        <source>The same error happened again %n time(s).</source>
        <translation>
            <numerusform>The same error happened again %n time.</numerusform>
            <numerusform>The same error happened again %n times.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeaturePanel</name>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="180"/>
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="196"/>
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="182"/>
        <source>in %n passage(s)</source>
        <translation>
            <numerusform>in %n passage</numerusform>
            <numerusform>in %n passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="182"/>
        <source>of %n article(s)</source>
        <translation>
            <numerusform>of %n article</numerusform>
            <numerusform>of %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="287"/>
        <source>Mentioned %n time(s) in the articles</source>
        <translation>
            <numerusform>Mentioned once in the articles</numerusform>
            <numerusform>Mentioned %n times in the articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/file_menu.py" line="321"/>
        <source>Added %n scene(s) after yours</source>
        <translation>
            <numerusform>Added %n scene after yours</numerusform>
            <numerusform>Added %n scenes after yours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/imports.py" line="168"/>
        <source>%n feature(s) imported</source>
        <translation>
            <numerusform>%n feature imported</numerusform>
            <numerusform>%n features imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/imports.py" line="170"/>
        <source>%n repaired</source>
        <translation>
            <numerusform>%n repaired</numerusform>
            <numerusform>%n repaired</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/imports.py" line="172"/>
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/imports.py" line="256"/>
        <source>Added %n article(s) and linked them to the map</source>
        <translation>
            <numerusform>Added %n article and linked it to the map</numerusform>
            <numerusform>Added %n articles and linked them to the map</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/layers_panel.py" line="65"/>
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n feature</numerusform>
            <numerusform>%n features</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/layers_panel.py" line="73"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LessonActions</name>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/lessons.py" line="126"/>
        <source>Saved %1: a web page of %n scene(s) with the quiz; it works offline</source>
        <translation>
            <numerusform>Saved %1: a web page of %n scene with the quiz; it works offline</numerusform>
            <numerusform>Saved %1: a web page of %n scenes with the quiz; it works offline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/lessons.py" line="163"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/lessons.py" line="182"/>
        <source>Saved %1: %n scene(s)</source>
        <translation>
            <numerusform>Saved %1: %n scene</numerusform>
            <numerusform>Saved %1: %n scenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/lessons.py" line="183"/>
        <source>with %n of your layer(s)</source>
        <translation>
            <numerusform>with %n of your layers</numerusform>
            <numerusform>with %n of your layers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/lessons.py" line="200"/>
        <source>Added %n scene(s) after yours</source>
        <translation>
            <numerusform>Added %n scene after yours</numerusform>
            <numerusform>Added %n scenes after yours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/main_window.py" line="341"/>
        <source>PDF handout, %n page(s)</source>
        <translation>
            <numerusform>PDF handout, %n page</numerusform>
            <numerusform>PDF handout, %n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapEdits</name>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/map_edits.py" line="197"/>
        <source>Added %n annotation(s)</source>
        <translation>
            <numerusform>Added %n annotation</numerusform>
            <numerusform>Added %n annotations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MentionsChart</name>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/mentions_chart.py" line="104"/>
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/mentions_chart.py" line="105"/>
        <source>in %n article(s)</source>
        <translation>
            <numerusform>in %n article</numerusform>
            <numerusform>in %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/search_panel.py" line="83"/>
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n feature</numerusform>
            <numerusform>%n features</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/search_panel.py" line="84"/>
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n passage</numerusform>
            <numerusform>%n passages</numerusform>
        </translation>
    </message>
</context>
</TS>
