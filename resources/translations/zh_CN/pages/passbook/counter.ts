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
        <source>New passbook %1 issued; the balance of %2 points was carried over.</source>
        <translation>已补发新存折 %1，承前余额 %2 分。</translation>
    </message>
    <message>
        <source>Passbook page to reprint:</source>
        <translation>要重打的存折页号：</translation>
    </message>
</context>
</TS>