<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ClaimDialog</name>
    <message>
        <source>Claim need: %1</source>
        <translation>揭榜：%1</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>庭户</translation>
    </message>
    <message>
        <source>Search by name or pinyin initials</source>
        <translation>按姓名或拼音首字母搜索</translation>
    </message>
    <message>
        <source>Note (optional), e.g. when they will come</source>
        <translation>备注（可选），例如上门时间</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>揭榜</translation>
    </message>
    <message>
        <source>Who claims it:</source>
        <translation>揭榜方：</translation>
    </message>
    <message>
        <source>Choose who claims the need.</source>
        <translation>请选择揭榜方。</translation>
    </message>
</context>
</TS>
