<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ProposalsTab</name>
    <message>
        <source>All proposals</source>
        <translation>全部提案</translation>
    </message>
    <message>
        <source>&amp;New proposal...</source>
        <translation>登记提案(&amp;N)...</translation>
    </message>
    <message>
        <source>Record next &amp;step...</source>
        <translation>登记下一步(&amp;S)...</translation>
    </message>
    <message>
        <source>Make a &amp;project...</source>
        <translation>转为项目(&amp;P)...</translation>
    </message>
    <message>
        <source>New community proposal</source>
        <translation>登记社区提案</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Proposer</source>
        <translation>提案人</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Collected on</source>
        <translation>收集日期</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与人员</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定 / 结果</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>采纳</translation>
    </message>
    <message>
        <source>Not adopted</source>
        <translation>不采纳</translation>
    </message>
    <message>
        <source>Step: %1</source>
        <translation>提案步骤：%1</translation>
    </message>
    <message>
        <source>Attach minutes or photos (optional)</source>
        <translation>附上会议纪要或照片（可不选）</translation>
    </message>
    <message>
        <source>Proposal to project</source>
        <translation>提案转为项目</translation>
    </message>
    <message>
        <source>Carried out by</source>
        <translation>实施组织</translation>
    </message>
    <message>
        <source>Project title</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请金额</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>申报日期</translation>
    </message>
</context>
</TS>
