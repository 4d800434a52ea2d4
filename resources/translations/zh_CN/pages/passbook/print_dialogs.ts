<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CalibrationDialog</name>
    <message>
        <source>Passbook printer calibration</source>
        <translation>存折打印校准</translation>
    </message>
    <message>
        <source>Print the calibration page on a spare passbook, measure how far the marks sit from the printed rulings, and enter the correction.</source>
        <translation>用一本空白存折打印校准页，量出标记与存折印刷格线的偏差，再填入修正量。</translation>
    </message>
    <message>
        <source>Passbook printer (the passbook's own layout)</source>
        <translation>存折打印机（按存折本身的版式）</translation>
    </message>
    <message>
        <source>This PC prints on</source>
        <translation>本机打印方式</translation>
    </message>
    <message>
        <source>Move right by</source>
        <translation>向右移动</translation>
    </message>
    <message>
        <source>Move down by</source>
        <translation>向下移动</translation>
    </message>
    <message>
        <source>Calibration page...</source>
        <translation>校准页…</translation>
    </message>
    <message>
        <source>Calibration page</source>
        <translation>校准页</translation>
    </message>
</context>
<context>
    <name>PassbookPrint</name>
    <message>
        <source>Statement %1</source>
        <translation>对账单 %1</translation>
    </message>
</context>
<context>
    <name>PassbookPrintDialog</name>
    <message>
        <source>Print pending lines — %1</source>
        <translation>补登打印 — %1</translation>
    </message>
    <message>
        <source>Print...</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Paper came out right</source>
        <translation>纸面无误</translation>
    </message>
    <message>
        <source>Not right — print again later</source>
        <translation>打印有误，稍后重打</translation>
    </message>
    <message>
        <source>Passbook %1 has no pending lines.</source>
        <translation>存折 %1 没有待补登的记录。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Reprint page %1 — %2</source>
        <translation>重打第 %1 页 — %2</translation>
    </message>
    <message>
        <source>Page %1 as it was printed (%2 lines), for a damaged or spoiled page.</source>
        <translation>按原样重打第 %1 页（%2 行），用于污损或打坏的页。</translation>
    </message>
    <message>
        <source>%1 lines from page %2, line %3.</source>
        <translation>共 %1 行，从第 %2 页第 %3 行开始。</translation>
    </message>
    <message>
        <source>They fill passbook pages %1: you will be asked to turn the page.</source>
        <translation>将打印到存折第 %1 页，中途会提示翻页。</translation>
    </message>
    <message>
        <source>Lines count as printed only when you confirm the paper came out right.</source>
        <translation>只有确认纸面打印无误后，这些行才算已打印。</translation>
    </message>
    <message>
        <source>Turn the page</source>
        <translation>请翻页</translation>
    </message>
    <message>
        <source>Turn the passbook to page %1 and insert it again, then press Yes.</source>
        <translation>请把存折翻到第 %1 页重新放入打印机，然后按“是”。</translation>
    </message>
</context>
</TS>