<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>OpenPassbookDialog</name>
    <message>
        <source>Issue a love passbook</source>
        <translation>开立爱心存折</translation>
    </message>
    <message>
        <source>Name, pinyin initials or phone of the resident</source>
        <translation>居民姓名、拼音首字母或电话</translation>
    </message>
    <message>
        <source>%1 (street branch)</source>
        <translation>%1（街道网点）</translation>
    </message>
    <message>
        <source>%1 (community office)</source>
        <translation>%1（社区服务站）</translation>
    </message>
    <message>
        <source>Take over a passbook the resident already holds</source>
        <translation>接管居民手中已有的存折</translation>
    </message>
    <message>
        <source>Number printed on the cover</source>
        <translation>封面上印的号码</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Find resident</source>
        <translation>查找居民</translation>
    </message>
    <message>
        <source>Issuing site</source>
        <translation>发折网点</translation>
    </message>
    <message>
        <source>Passbook number</source>
        <translation>存折号码</translation>
    </message>
    <message>
        <source>Balance carried over</source>
        <translation>承前余额</translation>
    </message>
    <message>
        <source>Hours already served</source>
        <translation>已有服务时长（小时）</translation>
    </message>
    <message>
        <source>Continue printing on page</source>
        <translation>从第几页续打</translation>
    </message>
    <message>
        <source>at line</source>
        <translation>第几行</translation>
    </message>
</context>
</TS>