<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SyncPage</name>
    <message>
        <source>Exchange</source>
        <translation>交换</translation>
    </message>
    <message>
        <source>History</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>数据冲突</translation>
    </message>
    <message>
        <source>Requests and held records</source>
        <translation>更正请求与暂存记录</translation>
    </message>
    <message>
        <source>Streets</source>
        <translation>各街道</translation>
    </message>
    <message>
        <source>Bundles on a USB stick</source>
        <translation>用U盘交换数据包</translation>
    </message>
    <message>
        <source>Exchange with:</source>
        <translation>交换对象：</translation>
    </message>
    <message>
        <source>Export bundle...</source>
        <translation>导出数据包……</translation>
    </message>
    <message>
        <source>Import bundle...</source>
        <translation>导入数据包……</translation>
    </message>
    <message>
        <source>No key exchanged yet. Once per pair of sites, export this site&apos;s key file for the district and trust the district&apos;s key file; then bundles can go back and forth.</source>
        <translation>还没有交换过密钥。每两个站点之间只需一次：导出本站的密钥文件交给区里，并信任区里的密钥文件；之后就可以互相交换数据包了。</translation>
    </message>
    <message>
        <source>Exchange &amp;keys...</source>
        <translation>交换密钥(&amp;K)...</translation>
    </message>
    <message>
        <source>No site is trusted yet: exchange key files on the Keys tab first (once per pair of sites).</source>
        <translation>尚未信任任何站点：请先在“密钥”页与对方交换密钥文件（每对站点只需一次）。</translation>
    </message>
    <message>
        <source>Last bundle exchange: never</source>
        <translation>上次交换数据包：从未</translation>
    </message>
    <message>
        <source>Last bundle exchange: %1 (%2 days ago)</source>
        <translation>上次交换数据包：%1（%2 天前）</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: %1. Sent %2 bundles (confirmed up to no. %3); received %4 bundles.</source>
        <translation>待发送的变更 %1 条。已发出 %2 个数据包（对方确认到第 %3 号）；已收到 %4 个数据包。</translation>
    </message>
    <message>
        <source>Of the changes, %1 are other sites&apos; records passed on.</source>
        <translation>其中 %1 条是转交其他站点的记录。</translation>
    </message>
    <message>
        <source>Choose the folder (USB stick) for the bundle</source>
        <translation>选择保存数据包的文件夹（U盘）</translation>
    </message>
    <message>
        <source>Bundle no. %1 for %2 written: %3 records.
%4</source>
        <translation>已写出给 %2 的第 %1 号数据包：%3 条记录。
%4</translation>
    </message>
    <message>
        <source>Bundle exported</source>
        <translation>数据包已导出</translation>
    </message>
    <message>
        <source>Exporting bundle...</source>
        <translation>正在导出数据包……</translation>
    </message>
    <message>
        <source>Import bundle</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>Yichao bundles (*.ycb);;All files (*)</source>
        <translation>益巢数据包 (*.ycb);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking bundle...</source>
        <translation>正在检查数据包……</translation>
    </message>
    <message>
        <source>%1 records held, %2 overlaps with other sites: see the Conflicts tab.</source>
        <translation>暂存记录 %1 条，与其他站点重合 %2 处：请在“数据冲突”里查看。</translation>
    </message>
    <message>
        <source>Bundle imported</source>
        <translation>数据包已导入</translation>
    </message>
    <message>
        <source>Bundle no. %1 from %2 imported: %3 records new or changed.</source>
        <translation>已导入来自 %2 的第 %1 号数据包：新增或修改 %3 条记录。</translation>
    </message>
    <message>
        <source>Importing bundle...</source>
        <translation>正在导入数据包……</translation>
    </message>
</context>
</TS>
