<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PassbookPage</name>
    <message>
        <source>Counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <source>Passbooks</source>
        <translation>存折一览</translation>
    </message>
    <message>
        <source>Redemption catalog</source>
        <translation>兑换目录</translation>
    </message>
    <message>
        <source>Points rules</source>
        <translation>积分规则</translation>
    </message>
    <message>
        <source>Several counters</source>
        <translation>多网点</translation>
    </message>
    <message>
        <source>Issue passbook...</source>
        <translation>开立存折…</translation>
    </message>
    <message>
        <source>Bulk credit for an activity...</source>
        <translation>活动批量记分…</translation>
    </message>
    <message>
        <source>Take over paper passbooks...</source>
        <translation>接管纸质存折…</translation>
    </message>
    <message>
        <source>Printer calibration...</source>
        <translation>打印校准…</translation>
    </message>
    <message>
        <source>Expire old points...</source>
        <translation>处理过期积分…</translation>
    </message>
    <message>
        <source>Expire old points</source>
        <translation>处理过期积分</translation>
    </message>
    <message>
        <source>Write expiry entries for points older than the expiry rule allows, on every active passbook?</source>
        <translation>按积分有效期规则，为所有正常存折记入过期积分吗？</translation>
    </message>
    <message>
        <source>%1 points expired on %2 passbooks.</source>
        <translation>%2 本存折共 %1 分已过期。</translation>
    </message>
</context>
</TS>
