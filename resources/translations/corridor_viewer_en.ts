<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
        <location filename="../../corridor_viewer/ui/feature_panel.py" line="124"/>
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message numerus="yes">
        <location filename="../../corridor_viewer/ui/layers_panel.py" line="64"/>
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n feature</numerusform>
            <numerusform>%n features</numerusform>
        </translation>
    </message>
</context>
</TS>
