<?xml version='1.0' encoding='utf-8'?>
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
        <source>No certificates issued yet. Issue one to an organization, a volunteer or a project, or print a batch at once; each is numbered in this register and can be verified by its code.</source>
        <translation>还没有签发过证书。可以为社会组织、志愿者或项目签发一张，也可以批量打印；每张证书都在本登记簿编号，可凭核验码查验。</translation>
    </message>
    <message>
        <source>Issue a certificate...</source>
        <translation>签发证书...</translation>
    </message>
    <message>
        <source>No certificate matches the search, kind and status. Clear the filter to see the whole register.</source>
        <translation>没有符合搜索、证书种类和状态的证书。清除筛选即可看到整本登记簿。</translation>
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