<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>IssueDialog</name>
    <message>
        <source>Print certificates (batch)</source>
        <translation>批量打印证书</translation>
    </message>
    <message>
        <source>Issue a certificate</source>
        <translation>签发证书</translation>
    </message>
    <message>
        <source>Name or pinyin initials</source>
        <translation>名称或拼音首字母</translation>
    </message>
    <message>
        <source>Any year</source>
        <translation>不限年份</translation>
    </message>
    <message>
        <source>As recorded</source>
        <translation>按已登记结果</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Default for the kind</source>
        <translation>按种类默认</translation>
    </message>
    <message>
        <source>Pre-printed paper (print only the variable text)</source>
        <translation>套打预印证书纸（只打印可变内容）</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>种类(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>Graduated in &amp;year:</source>
        <translation>出壳年份(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Stars (rating):</source>
        <translation>星级(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>版式(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>打印(&amp;P)...</translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation>获证对象：</translation>
    </message>
    <message>
        <source>Nobody can receive this kind of certificate with this filter.</source>
        <translation>按当前条件，没有可获得这种证书的对象。</translation>
    </message>
    <message>
        <source>Choose who receives the certificate.</source>
        <translation>请选择获证对象。</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>已选 %1 个</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Revoke certificate %1</source>
        <translation>作废证书 %1</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>Why is this certificate revoked? (required)</source>
        <translation>作废原因（必填）</translation>
    </message>
    <message>
        <source>say in a few words why.</source>
        <translation>请用几个字说明原因。</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>作废(&amp;R)</translation>
    </message>
    <message>
        <source>The serial stays used and verification will fail. This cannot be undone.</source>
        <translation>作废后编号不再使用，核验将显示无效。此操作不能撤销。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Certificate printing setup</source>
        <translation>证书打印设置</translation>
    </message>
    <message>
        <source>Print on pre-printed paper by default</source>
        <translation>默认套打预印证书纸</translation>
    </message>
    <message>
        <source>Move &amp;right by:</source>
        <translation>向右偏移(&amp;R)：</translation>
    </message>
    <message>
        <source>Move &amp;down by:</source>
        <translation>向下偏移(&amp;D)：</translation>
    </message>
    <message>
        <source>Serial &amp;prefix:</source>
        <translation>编号前缀(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>签发单位(&amp;I)：</translation>
    </message>
    <message>
        <source>Incubation &amp;center:</source>
        <translation>孵化中心名称(&amp;C)：</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>选择...</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Seal image:</source>
        <translation>印章图片：</translation>
    </message>
    <message>
        <source>Logo image:</source>
        <translation>标志图片：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>Choose image</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify a certificate</source>
        <translation>证书核验</translation>
    </message>
    <message>
        <source>Verification code, e.g. ABCD-2345, or the QR text</source>
        <translation>验证码（如 ABCD-2345）或二维码内容</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>核验(&amp;C)</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Not valid</source>
        <translation>无效</translation>
    </message>
</context>
</TS>
