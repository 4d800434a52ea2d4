<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminPage</name>
    <message>
        <source>First administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account manages users and settings. Keep the password safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Yichao - First-run setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <source>Your site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which office runs this copy of Yichao?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>9 digits for a street, 6 for a district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Dianliu Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrative &amp;code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent district code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent district name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
