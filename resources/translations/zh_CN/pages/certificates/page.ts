<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CertificatesPage</name>
    <message>
        <source>Recipient, serial or code</source>
        <translation>持证人、编号或验证码</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部种类</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>持证人</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>签发日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Prints</source>
        <translation>打印次数</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Issue...</source>
        <translation>签发...</translation>
    </message>
    <message>
        <source>Batch print...</source>
        <translation>批量打印...</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <source>Revoke...</source>
        <translation>作废...</translation>
    </message>
    <message>
        <source>Verify...</source>
        <translation>核验...</translation>
    </message>
    <message>
        <source>Setup...</source>
        <translation>打印设置...</translation>
    </message>
    <message>
        <source>Select a certificate to see its details and print history.</source>
        <translation>选择一张证书，查看详情和打印记录。</translation>
    </message>
    <message>
        <source>Revoked on %1: %2</source>
        <translation>已于 %1 作废：%2</translation>
    </message>
    <message>
        <source>reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <source>first print</source>
        <translation>首次打印</translation>
    </message>
    <message>
        <source>Printing certificates...</source>
        <translation>正在生成证书...</translation>
    </message>
    <message>
        <source>Reprint certificate</source>
        <translation>补打证书</translation>
    </message>
    <message>
        <source>Print %1 for %2 again? The reprint has the same serial and verification code, is marked as a reprint and is recorded in the print history.</source>
        <translation>为“%2”补打证书 %1？补打的证书编号和验证码不变，会标明“补打”，并记入打印记录。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>补打原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
</context>
</TS>
