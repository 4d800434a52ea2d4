<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReportsPage</name>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source> (year)</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>&amp;Build report</source>
        <translation>生成报表(&amp;B)</translation>
    </message>
    <message>
        <source>Save &amp;PDF...</source>
        <translation>保存 PDF(&amp;P)...</translation>
    </message>
    <message>
        <source>Save &amp;XLSX...</source>
        <translation>保存 XLSX(&amp;X)...</translation>
    </message>
    <message>
        <source>Choose a period and build the report.</source>
        <translation>请选择统计期，然后生成报表。</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>统计期(&amp;P)：</translation>
    </message>
    <message>
        <source> (month)</source>
        <translation> 月</translation>
    </message>
    <message>
        <source>Q</source>
        <translation>第</translation>
    </message>
    <message>
        <source> (quarter)</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Building the report of %1...</source>
        <translation>正在生成%1的报表……</translation>
    </message>
    <message>
        <source>Building the report...</source>
        <translation>正在生成报表……</translation>
    </message>
    <message>
        <source>The report was not built.</source>
        <translation>报表没有生成。</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <source>Saving %1...</source>
        <translation>正在保存 %1……</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Saving the report...</source>
        <translation>正在保存报表……</translation>
    </message>
</context>
</TS>