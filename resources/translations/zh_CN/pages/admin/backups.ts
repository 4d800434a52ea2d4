<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackupsTab</name>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Back up &amp;to a folder...</source>
        <translation>备份到文件夹(&amp;T)...</translation>
    </message>
    <message>
        <source>&amp;Restore selected...</source>
        <translation>恢复所选备份(&amp;R)...</translation>
    </message>
    <message>
        <source>Restore from a &amp;file...</source>
        <translation>从文件恢复(&amp;F)...</translation>
    </message>
    <message>
        <source>E&amp;xport identity-number key...</source>
        <translation>导出身份证号码密钥(&amp;X)...</translation>
    </message>
    <message>
        <source>&amp;Import identity-number key...</source>
        <translation>导入身份证号码密钥(&amp;I)...</translation>
    </message>
    <message>
        <source>Keep the key of the identity numbers off this PC, so backups stay readable after Windows is reinstalled</source>
        <translation>把身份证号码的加密密钥保存在这台电脑之外，重装 Windows 后备份里的号码仍能读取</translation>
    </message>
    <message>
        <source>Backing up...</source>
        <translation>正在备份...</translation>
    </message>
    <message>
        <source>Back up to folder</source>
        <translation>备份到文件夹</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>备份已保存到 %1</translation>
    </message>
    <message>
        <source>Restore from a backup file</source>
        <translation>从备份文件恢复</translation>
    </message>
    <message>
        <source>Yichao backups (*.db)</source>
        <translation>益巢备份 (*.db)</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>This backup cannot be restored without losing what is already on paper:</source>
        <translation>恢复这个备份会丢失已经打印在纸上的内容，不能恢复：</translation>
    </message>
    <message>
        <source>Replace the current data with the backup of %1?</source>
        <translation>用 %1 的备份替换当前数据？</translation>
    </message>
    <message>
        <source>The current data is kept in the backups folder first, and Yichao closes afterwards.</source>
        <translation>当前数据会先保存到备份文件夹，恢复后益巢将关闭。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restoring...</source>
        <translation>正在恢复...</translation>
    </message>
    <message>
        <source>The backup was restored. Please start Yichao again.</source>
        <translation>备份已恢复，请重新启动益巢。</translation>
    </message>
</context>
</TS>