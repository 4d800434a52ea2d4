<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>KeysTab</name>
    <message>
        <source>This site's key</source>
        <translation>本站点密钥</translation>
    </message>
    <message>
        <source>Fingerprint (read it out to the other site when they trust your key):</source>
        <translation>指纹（对方信任本站点密钥时，请在电话里念给对方核对）：</translation>
    </message>
    <message>
        <source>Export key file...</source>
        <translation>导出密钥文件……</translation>
    </message>
    <message>
        <source>Trust a site's key file...</source>
        <translation>信任其他站点的密钥文件……</translation>
    </message>
    <message>
        <source>Trusted sites</source>
        <translation>已信任的站点</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Trusted on</source>
        <translation>信任时间</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>最近发出</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>最近收到</translation>
    </message>
    <message>
        <source>Export key file</source>
        <translation>导出密钥文件</translation>
    </message>
    <message>
        <source>Yichao key files (*.ycbkey)</source>
        <translation>益巢密钥文件 (*.ycbkey)</translation>
    </message>
    <message>
        <source>Key file written</source>
        <translation>密钥文件已导出</translation>
    </message>
    <message>
        <source>Give the file to the other site and read them this fingerprint:
%1</source>
        <translation>请把文件交给对方站点，并把这个指纹念给对方核对：
%1</translation>
    </message>
    <message>
        <source>Trust a site's key file</source>
        <translation>信任其他站点的密钥文件</translation>
    </message>
    <message>
        <source>Yichao key files (*.ycbkey *.key *.json);;All files (*)</source>
        <translation>益巢密钥文件 (*.ycbkey *.key *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 (%2) is already trusted with another key.

Trusted fingerprint:
%3

Fingerprint of this file:
%4

Replace the key only if the other site was set up again and reads you the new fingerprint over the phone.</source>
        <translation>已信任的 %1（%2）使用的是另一个密钥。

已信任的指纹：
%3

这个密钥文件的指纹：
%4

只有对方站点确实重新安装过、并在电话里向您读出了新的指纹时，才替换密钥。</translation>
    </message>
    <message>
        <source>Replace a trusted key?</source>
        <translation>替换已信任的密钥？</translation>
    </message>
    <message>
        <source>Key of %1 (%2).

Fingerprint:
%3

Trust it only if the other site reads you the same fingerprint over the phone.</source>
        <translation>%1（%2）的密钥。

指纹：
%3

只有在对方电话里念出的指纹与此完全相同时才信任它。</translation>
    </message>
    <message>
        <source>Trust this key?</source>
        <translation>信任这个密钥？</translation>
    </message>
</context>
</TS>