<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CounterTab</name>
    <message>
        <source>Scan or type the passbook number, then Enter</source>
        <translation>扫描或输入存折号，按回车</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持折人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Service hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Pending lines</source>
        <translation>待补登</translation>
    </message>
    <message>
        <source>Balance (points)</source>
        <translation>余额（分）</translation>
    </message>
    <message>
        <source>Passbook No.</source>
        <translation>存折号</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Summary, e.g. the activity</source>
        <translation>摘要，例如活动名称</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>存入</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Record service (F2)</source>
        <translation>记录服务（F2）</translation>
    </message>
    <message>
        <source>(points only)</source>
        <translation>（只扣积分）</translation>
    </message>
    <message>
        <source>%1 — %2 points (stock %3)</source>
        <translation>%1 — %2 分（库存 %3）</translation>
    </message>
    <message>
        <source>What was redeemed</source>
        <translation>兑换了什么</translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation>支取</translation>
    </message>
    <message>
        <source>Catalog item</source>
        <translation>兑换物品</translation>
    </message>
    <message>
        <source>Redeem (F3)</source>
        <translation>兑换支取（F3）</translation>
    </message>
    <message>
        <source>Print pending (F5)</source>
        <translation>补登打印（F5）</translation>
    </message>
    <message>
        <source>Reprint a page</source>
        <translation>重打一页</translation>
    </message>
    <message>
        <source>A4 statement</source>
        <translation>A4 对账单</translation>
    </message>
    <message>
        <source>Reverse selected entry</source>
        <translation>冲正所选记录</translation>
    </message>
    <message>
        <source>Report lost</source>
        <translation>挂失</translation>
    </message>
    <message>
        <source>Lift loss</source>
        <translation>解除挂失</translation>
    </message>
    <message>
        <source>Replace passbook</source>
        <translation>补发新折</translation>
    </message>
    <message>
        <source>Close passbook</source>
        <translation>销户</translation>
    </message>
    <message>
        <source>%1 h  %2</source>
        <translation>%1 小时  %2</translation>
    </message>
    <message>
        <source>%1 (next: page %2, line %3)</source>
        <translation>%1 行（下一行：第 %2 页第 %3 行）</translation>
    </message>
    <message>
        <source>Redeem %1</source>
        <translation>兑换 %1</translation>
    </message>
    <message>
        <source>Select the entry to reverse in the ledger first.</source>
        <translation>请先在账页中选择要冲正的记录。</translation>
    </message>
    <message>
        <source>Reverse entry</source>
        <translation>冲正</translation>
    </message>
    <message>
        <source>Reverse entry %1 (%2, %3 points)? The entry stays; an opposite entry is added.</source>
        <translation>冲正第 %1 笔（%2，%3 分）吗？原记录保留，另记一笔相反的冲正记录。</translation>
    </message>
    <message>
        <source>Block passbook %1 now? No entry can be made until the loss is lifted or it is replaced.</source>
        <translation>现在挂失存折 %1 吗？挂失后在解挂或补发新折之前不能记账。</translation>
    </message>
    <message>
        <source>Replace passbook %1 of %2 with a new one?</source>
        <translation>为 %2 补发新折，替换存折 %1？</translation>
    </message>
    <message>
        <source>Passbook %1 is voided at once: nothing more can be entered or printed on it. The balance of %2 points carries over to the new passbook on its first line.</source>
        <translation>存折 %1 立即作废：以后不能再记账或打印。余额 %2 分转入新折，记在新折第一行（承前）。</translation>
    </message>
    <message>
        <source>Its %1 unprinted lines will not be printed on the old passbook.</source>
        <translation>旧折上还有 %1 行未补登，作废后不会再打印到旧折上。</translation>
    </message>
    <message>
        <source>Issue new passbook</source>
        <translation>补发新折</translation>
    </message>
    <message>
        <source>New passbook %1 issued; the balance of %2 points was carried over.</source>
        <translation>已补发新存折 %1，承前余额 %2 分。</translation>
    </message>
    <message>
        <source>Close passbook %1 of %2?</source>
        <translation>为 %2 的存折 %1 销户？</translation>
    </message>
    <message>
        <source>A closed passbook cannot be used again. Its balance is %1 points: only an empty passbook can be closed (redeem or replace it first).</source>
        <translation>销户后存折不能再使用。现在余额 %1 分：只有余额为 0 的存折才能销户（请先兑换或换折）。</translation>
    </message>
    <message>
        <source>Passbook page to reprint:</source>
        <translation>要重打的存折页号：</translation>
    </message>
    <message>
        <source>Print page %1 of passbook %2 again, line for line as it was printed? Nothing on the passbook changes; the reprint and its reason are recorded in the journal.</source>
        <translation>按原样逐行重打存折 %2 的第 %1 页？存折上的记录不会改变；重打及其原因记入操作日志。</translation>
    </message>
</context>
</TS>