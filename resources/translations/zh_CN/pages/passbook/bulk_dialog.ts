<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BulkCreditDialog</name>
    <message>
        <source>Bulk credit for an activity</source>
        <translation>活动批量记分</translation>
    </message>
    <message>
        <source>Scan or type one passbook number per line</source>
        <translation>每行扫描或输入一个存折号</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Activity type</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Hours each</source>
        <translation>每人时长（小时）</translation>
    </message>
    <message>
        <source>Points each</source>
        <translation>每人积分</translation>
    </message>
    <message>
        <source>Passbooks</source>
        <translation>参加者存折</translation>
    </message>
    <message>
        <source>Credit all</source>
        <translation>全部记分</translation>
    </message>
    <message>
        <source>%1 passbooks (%2 different)</source>
        <translation>%1 本存折（不重复 %2 本）</translation>
    </message>
    <message>
        <source>%1 passbooks credited with %2 points each.</source>
        <translation>已为 %1 本存折各记入 %2 分。</translation>
    </message>
</context>
</TS>
