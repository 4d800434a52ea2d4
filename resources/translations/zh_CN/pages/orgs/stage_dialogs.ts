<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ResidencyDialog</name>
    <message>
        <source>End residency</source>
        <translation>办理退驻</translation>
    </message>
    <message>
        <source>Start residency</source>
        <translation>办理入驻</translation>
    </message>
    <message>
        <source>&amp;Workstation</source>
        <translation>工位(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>退驻日期(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Since</source>
        <translation>入驻日期(&amp;S)</translation>
    </message>
    <message>
        <source>Leaving residency frees the workstation.</source>
        <translation>退驻后工位即释放。</translation>
    </message>
    <message>
        <source>Workstation: required.</source>
        <translation>工位：必填。</translation>
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
        <source>&amp;Move to</source>
        <translation>变更为(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>A graduated organization does not change stage any more.</source>
        <translation>已出壳的组织不再变更阶段。</translation>
    </message>
    <message>
        <source>Reason: required.</source>
        <translation>原因：必填。</translation>
    </message>
</context>
</TS>