; Inno Setup 6 script: the installer of Yichao (益巢) for Windows.
;
;   pyinstaller build.spec                       (makes dist\yichao\)
;   iscc /DAppVersion=0.1.0 installer\yichao.iss (makes dist\yichao-0.1.0-setup.exe)
;
; The CI workflow (.github/workflows/windows.yml) passes the version from pyproject.toml.
; - Per user (no administrator needed, into %LOCALAPPDATA%\Programs\Yichao) or for every user of
;   the PC (Program Files): the first page asks; /ALLUSERS or /CURRENTUSER on the command line.
; - Start menu and (optionally) desktop shortcuts start yichao-gui.exe, the windowed program.
; - Upgrades in place: the same AppId finds the earlier installation, closes a running Yichao
;   and replaces the program folder.
; - The data folder (%LOCALAPPDATA%\Yichao, or the one chosen in the set-up wizard) is never
;   touched: the uninstaller removes only what the installer put in the program folder.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef DistDir
  #define DistDir "..\dist\yichao"
#endif

[Setup]
; never change the AppId: it is how an upgrade finds the installed copy
AppId={{6F1C7E52-3B4D-4D8A-9E0B-7A2C1D5E9F31}
AppName=益巢 Yichao
AppVersion={#AppVersion}
AppVerName=益巢 Yichao {#AppVersion}
AppPublisher=益巢 Yichao
VersionInfoVersion={#AppVersion}
VersionInfoProductName=益巢 Yichao
DefaultDirName={autopf}\Yichao
DefaultGroupName=益巢 Yichao
DisableProgramGroupPage=yes
; per user by default; the clerk (or an administrator) may choose "for all users"
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
UsePreviousAppDir=yes
UsePreviousPrivileges=yes
CloseApplications=yes
; the addtopath task changes PATH: tell running programs (a new console then finds yichao)
ChangesEnvironment=yes
RestartApplications=no
SetupIconFile=..\resources\icons\yichao.ico
UninstallDisplayIcon={app}\yichao-gui.exe
UninstallDisplayName=益巢 Yichao
OutputDir=..\dist
OutputBaseFilename=yichao-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0

[Languages]
; Inno Setup 6.5 and later ship the Simplified Chinese translation; an older compiler falls back to English
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.DesktopIcon=Create a desktop shortcut
english.CommandLine=Command line (yichao.exe) for scripts
english.StartYichao=Start Yichao now
english.AddToPath=Add yichao to PATH (the command line finds it in any folder)
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
chinesesimplified.DesktopIcon=创建桌面快捷方式
chinesesimplified.CommandLine=命令行（yichao.exe，供脚本使用）
chinesesimplified.StartYichao=立即启动益巢
chinesesimplified.AddToPath=把 yichao 加入 PATH（在任何文件夹的命令行里都能直接运行）
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "addtopath"; Description: "{cm:AddToPath}"

[Registry]
; the user's PATH for a per-user installation, the machine's for one for everyone
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: (not IsAdminInstallMode) and NeedsAddPath(ExpandConstant('{app}'), False)
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: IsAdminInstallMode and NeedsAddPath(ExpandConstant('{app}'), True)

[InstallDelete]
; an upgrade replaces the program folder whole: no module of the old version is left to be loaded
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\益巢 Yichao"; Filename: "{app}\yichao-gui.exe"; WorkingDir: "{app}"; AppUserModelID: "Yichao.Yichao"
Name: "{autoprograms}\益巢 Yichao 命令行"; Filename: "{cmd}"; Parameters: "/k cd /d ""{app}"" && yichao.exe --help"; WorkingDir: "{app}"; Comment: "{cm:CommandLine}"
Name: "{autodesktop}\益巢 Yichao"; Filename: "{app}\yichao-gui.exe"; WorkingDir: "{app}"; Tasks: desktopicon; AppUserModelID: "Yichao.Yichao"

[Run]
Filename: "{app}\yichao-gui.exe"; Description: "{cm:StartYichao}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for the data folder, on purpose: the database, attachments and backups stay.

[Code]
{ True when Dir is not yet in the user's (or the machine's) PATH: an upgrade does not add it twice. }
function NeedsAddPath(Dir: string; Machine: Boolean): Boolean;
var
  Current: string;
  Root: Integer;
  Key: string;
begin
  if Machine then
  begin
    Root := HKEY_LOCAL_MACHINE;
    Key := 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment';
  end
  else
  begin
    Root := HKEY_CURRENT_USER;
    Key := 'Environment';
  end;
  if not RegQueryStringValue(Root, Key, 'Path', Current) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Current) + ';') = 0;
end;
