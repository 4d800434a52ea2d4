<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>PassbookTakeover</name>
    <message>
        <source>Take over passbooks from the ledger workbook</source>
        <translation>从存折台账接管纸质存折</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 表格 (*.xlsx)</translation>
    </message>
    <message>
        <source>Checking the ledger...</source>
        <translation>正在检查存折台账……</translation>
    </message>
    <message>
        <source>Taking over passbooks...</source>
        <translation>正在接管存折……</translation>
    </message>
    <message>
        <source>Take over passbooks</source>
        <translation>接管纸质存折</translation>
    </message>
    <message>
        <source>%1 passbooks taken over; printing continues on each at its next free line.</source>
        <translation>已接管 %1 本存折，补登时从每本存折的下一空行接着打印。</translation>
    </message>
</context>
</TS>