<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ResidencyDialog</name>
    <message>
        <source>Workstation</source>
        <translation>工位</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>入驻日期</translation>
    </message>
    <message>
        <source>End residency</source>
        <translation>办理退驻</translation>
    </message>
    <message>
        <source>Start residency</source>
        <translation>办理入驻</translation>
    </message>
    <message>
        <source>Leaving residency frees the workstation.</source>
        <translation>退驻后工位即释放。</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <source>Change stage</source>
        <translation>变更阶段</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前阶段</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>转入阶段</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>A graduated organization does not change stage any more.</source>
        <translation>已出壳的组织不再变更阶段。</translation>
    </message>
</context>
</TS>