<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CountersTab</name>
    <message>
        <source>Settle with a reversal...</source>
        <translation>冲正结清…</translation>
    </message>
    <message>
        <source>Settled ones too</source>
        <translation>包括已结清的</translation>
    </message>
    <message>
        <source>Passbooks overdrawn when two counters' ledgers merged (both redeemed the same points offline). They take no redemption until settled: reverse the duplicate redemption.</source>
        <translation>两个网点的账合并后出现透支的存折（双方离线支取了同一笔积分）。结清之前不能支取：请冲正重复的那笔支取。</translation>
    </message>
    <message>
        <source>Set limit...</source>
        <translation>设定限额…</translation>
    </message>
    <message>
        <source>Offline redemption limit of each community office: the most points an office redeems from one passbook before the street has seen it (set by the street, it reaches the office with the next bundle).</source>
        <translation>各社区储蓄所的离线支取限额：街道确认之前，储蓄所在一本存折上最多可支取的积分（由街道设定，随下一个数据包送达储蓄所）。</translation>
    </message>
    <message>
        <source>The offline redemption limit the street set for this office: the most points redeemed here from one passbook before the street has seen it.</source>
        <translation>街道给本所设定的离线支取限额：街道确认之前，本所在一本存折上最多可支取的积分。</translation>
    </message>
    <message>
        <source>Passbook</source>
        <translation>存折</translation>
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
        <source>Awaiting reversal</source>
        <translation>待冲正</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>已冲正结清</translation>
    </message>
    <message>
        <source>Balance found</source>
        <translation>发现时余额</translation>
    </message>
    <message>
        <source>Balance now</source>
        <translation>现余额</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Office code</source>
        <translation>储蓄所代码</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>储蓄所</translation>
    </message>
    <message>
        <source>Limit per passbook</source>
        <translation>每本存折限额</translation>
    </message>
    <message>
        <source>Not set (the balance alone)</source>
        <translation>未设定（以余额为限）</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>Select an overdraw awaiting reversal first.</source>
        <translation>请先选择一条待冲正的透支。</translation>
    </message>
    <message>
        <source>No. %1  %2  %3  %4 points  %5</source>
        <translation>第 %1 笔  %2  %3  %4 分  %5</translation>
    </message>
    <message>
        <source>This passbook has no redemption to reverse.</source>
        <translation>这本存折没有可以冲正的支取。</translation>
    </message>
    <message>
        <source>Redemption to reverse</source>
        <translation>要冲正的支取</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>e.g. redeemed twice at two counters</source>
        <translation>例如：两个网点重复兑换</translation>
    </message>
    <message>
        <source>Passbook %1 of %2 is overdrawn by %3 points.</source>
        <translation>%2 的存折 %1 透支 %3 分。</translation>
    </message>
    <message>
        <source>Settle overdraw</source>
        <translation>冲正结清透支</translation>
    </message>
    <message>
        <source>Select an office first.</source>
        <translation>请先选择一个储蓄所。</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>限额</translation>
    </message>
    <message>
        <source>No limit: within the balance it has seen</source>
        <translation>不设限额：以所见余额为限</translation>
    </message>
    <message>
        <source>Points per passbook</source>
        <translation>每本存折积分</translation>
    </message>
    <message>
        <source>Redemption limit of %1</source>
        <translation>%1 的支取限额</translation>
    </message>
</context>
</TS>