<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivityDialog</name>
    <message>
        <source>New activity</source>
        <translation>登记活动</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Service domain</source>
        <translation>服务领域</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与人数</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>受益人数</translation>
    </message>
    <message>
        <source>Volunteer hours</source>
        <translation>志愿服务时长</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>MentoringDialog</name>
    <message>
        <source>New mentoring visit</source>
        <translation>登记督导咨询</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>老师</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <source>Record grade</source>
        <translation>录入评估等级</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Awarded on</source>
        <translation>评定日期</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Valid for five years; certificate and plaque from 3A.</source>
        <translation>有效期五年；3A及以上颁发证书和牌匾。</translation>
    </message>
</context>
<context>
    <name>SubsidyDialog</name>
    <message>
        <source>New subsidy</source>
        <translation>登记补贴资助</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
</TS>