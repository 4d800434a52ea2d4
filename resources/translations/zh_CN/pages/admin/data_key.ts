<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DataKey</name>
    <message>
        <source>Export identity-number key</source>
        <translation>导出身份证号码密钥</translation>
    </message>
    <message>
        <source>%1 identity-number key</source>
        <translation>%1-身份证号码密钥</translation>
    </message>
    <message>
        <source>Yichao key exports (*.ykey)</source>
        <translation>益巢密钥备份 (*.ykey)</translation>
    </message>
    <message>
        <source>The identity-number key was written to %1. Keep it off this PC.</source>
        <translation>身份证号码密钥已写入 %1。请把它保存在这台电脑之外。</translation>
    </message>
    <message>
        <source>Import identity-number key</source>
        <translation>导入身份证号码密钥</translation>
    </message>
    <message>
        <source>Yichao key exports (*.ykey);;All files (*)</source>
        <translation>益巢密钥备份 (*.ykey);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ExportKeyDialog</name>
    <message>
        <source>Export identity-number key</source>
        <translation>导出身份证号码密钥</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Whoever has the file and the passphrase can read every identity number: keep the file off this PC (a USB stick in the safe) and the passphrase apart from it.</source>
        <translation>同时拿到这个文件和口令的人能读出所有身份证号码：请把文件保存在这台电脑之外（例如锁在柜子里的U盘），口令另外保管。</translation>
    </message>
</context>
<context>
    <name>ImportKeyDialog</name>
    <message>
        <source>Import identity-number key</source>
        <translation>导入身份证号码密钥</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>The key exported before, for this site: identity numbers of backups made with it can be read again.</source>
        <translation>导入本站点以前导出的密钥后，用它加密的备份里的身份证号码就能重新读取。</translation>
    </message>
</context>
</TS>