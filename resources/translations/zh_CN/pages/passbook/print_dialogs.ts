<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CalibrationDialog</name>
    <message>
        <source>Passbook printer calibration</source>
        <translation>存折打印校准</translation>
    </message>
    <message>
        <source>1. Print the calibration page on the paper the passbooks go through.
2. With a ruler, measure how far the centre of cross A lies from the left and the top edge of the paper, and enter both numbers.
3. Save; print the page again to check that cross A is now 20 mm from both edges.</source>
        <translation>1. 在存折打印机上用存折用的纸打印校准页。
2. 用直尺量十字 A 的中心到纸张左边和上边的距离，把两个数填在下面。
3. 保存；再打印一次校准页，核对十字 A 是否已经距左边、上边各 20 毫米。</translation>
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
        <source>Print calibration page...</source>
        <translation>打印校准页...</translation>
    </message>
    <message>
        <source>Preview...</source>
        <translation>预览...</translation>
    </message>
    <message>
        <source>Cross A from the left edge</source>
        <translation>十字 A 距纸张左边</translation>
    </message>
    <message>
        <source>Cross A from the top edge</source>
        <translation>十字 A 距纸张上边</translation>
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
        <source>Calibration page</source>
        <translation>校准页</translation>
    </message>
</context>
<context>
    <name>PassbookPrint</name>
    <message>
        <source>Reprint</source>
        <translation>重打</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
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
        <source>These %1 lines of passbook %2 were already sent to the printer. Print them again? The reprint and its reason are recorded in the journal.</source>
        <translation>存折 %2 的这 %1 行已经送往打印机。要再打印一次吗？重打及其原因记入操作日志。</translation>
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