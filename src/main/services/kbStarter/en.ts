import type { StarterText } from './types';

/** The starter articles in English (written for Windows 10/11 and Microsoft 365 as of 2026). */
export const starterEn: Record<string, StarterText> = {
  'outlook-startet-nicht': {
    title: 'Outlook does not start or hangs loading the profile',
    body: `## Symptom

Outlook (classic) does not open, stays at "Loading profile" or "Processing", or closes right away.

## Resolution

1. Close Outlook completely (Task Manager: no \`OUTLOOK.EXE\` left) and restart the PC.
2. **Safe mode:** Windows key + R, \`outlook.exe /safe\`. If Outlook starts this way, an add-in is the cause: *File › Options › Add-ins › COM Add-ins › Go…*, turn add-ins off one by one.
3. **Reset the navigation pane:** \`outlook.exe /resetnavpane\`.
4. **New profile:** Control Panel › *Mail (Microsoft Outlook)* › *Show Profiles* › *Add*, set it up with the e-mail address, choose *Always use this profile*. Delete the old profile only once the new one works.
5. **Rebuild the offline file** (Exchange Online/M365): close Outlook, rename the \`.ost\` file in \`%LOCALAPPDATA%\\Microsoft\\Outlook\`; Outlook downloads the mailbox again (large mailboxes take a while).
6. Check local \`.pst\` archives with \`SCANPST.EXE\` (in the Office folder, e.g. \`C:\\Program Files\\Microsoft Office\\root\\Office16\`).
7. Nothing helps: repair Office (*Settings › Apps › Microsoft 365 › Modify › Online Repair*).

## Notes

- If Outlook on the web (https://outlook.office.com) works, the PC is the problem, not the mailbox.
- Before deleting a profile, check whether local PST files are attached to it.`,
    requesterText: `Please close Outlook, restart your PC and try again. Until it works again you can read your mail in the browser at https://outlook.office.com.`,
  },
  'm365-passwort-mfa': {
    title: 'Microsoft 365: reset a password and set up MFA (Authenticator)',
    body: `## Forgotten or expired password

- **Self-service:** open https://aka.ms/sspr, enter the e-mail address and confirm with the registered method (Authenticator, text message, phone call).
- **By IT:** Microsoft 365 admin center › *Users › Active users* › person › *Reset password*. Hand over a one-time password only in person or by phone after calling back, never by mail to the affected address.

## Set up MFA or a new phone

1. Sign in at https://aka.ms/mysecurityinfo.
2. *Add sign-in method › Microsoft Authenticator*, scan the QR code with the app.
3. Remove the old device.

If the old phone is gone: Entra admin center › *Users* › person › *Authentication methods* › *Require re-register multifactor authentication* (and delete the old methods). The person then sets up MFA again at the next sign-in.

## Security

- Always **deny** unexpected MFA prompts and report them to IT – someone knows the password. Change it at once.
- Never pass codes on by phone or mail; IT never asks for them.`,
    requesterText: `To reset your password yourself: open https://aka.ms/sspr, enter your e-mail address and confirm in the Authenticator app. Set up a new phone at https://aka.ms/mysecurityinfo. If you get a sign-in prompt you did not start: deny it and tell us right away.`,
  },
  'druckerwarteschlange-haengt': {
    title: 'Printer does not print: print queue stuck',
    body: `## Symptom

Jobs stay in the queue ("Error – Printing", "Deleting"), nothing comes out of the printer.

## Resolution

1. Check the printer: switched on, paper, no jam, no error on its display. Do others print to the same printer? Then the printer or the network is the cause, not the PC.
2. *Settings › Bluetooth & devices › Printers & scanners* › printer › *Open print queue* › *Cancel all*.
3. If jobs stay stuck, restart the **Print Spooler** service: \`services.msc\` › *Print Spooler* › *Restart*.
4. Still stuck, in a command prompt as administrator:

\`\`\`
net stop spooler
del /q %systemroot%\\System32\\spool\\PRINTERS\\*
net start spooler
\`\`\`

5. Print a test page. If it persists: remove and reinstall the printer driver (vendor site or print server), check the printer's IP address (\`ping\`).`,
    requesterText: `Please check paper and display on the printer and switch it off and on once. If it still does not print, we will clear the queue on your PC.`,
  },
  'vpn-verbindung': {
    title: 'VPN does not connect (home office, travelling)',
    body: `## Steps

1. **Internet without VPN?** Open a website. In a hotel or train, first accept the Wi-Fi's sign-in page (captive portal), or the VPN cannot connect.
2. **Right credentials:** after a password change, enter the new password in the VPN client; approve the MFA prompt on the phone.
3. **PC clock** correct? Certificates and MFA codes fail with a wrong time (*Settings › Time & language › Sync now*).
4. Quit and restart the VPN client, restart the PC if needed.
5. **Connected, but drives/servers missing:** test name resolution (\`nslookup server.company.local\`); \`ipconfig /flushdns\`; reconnect mapped drives.
6. Note the error message and the time (screenshot) – the provider can look it up in the firewall's log.

## When to escalate

If several people fail at once, it is the firewall or the company's internet line: go to the provider right away.`,
    requesterText: `Please first check that the internet works without VPN (in a hotel, accept the Wi-Fi sign-in page), then restart the VPN client. If it still fails, please send us a screenshot of the error message.`,
  },
  'wlan-probleme': {
    title: 'Wi-Fi: no connection or frequent drops',
    body: `## Steps

1. Only this device? If colleagues in the same place have Wi-Fi, it is the device; otherwise the access point – escalate.
2. Turn airplane mode on and off; Wi-Fi off/on.
3. Forget the network and reconnect: *Settings › Network & internet › Wi-Fi › Manage known networks* › network › *Forget*.
4. In a command prompt:

\`\`\`
ipconfig /release
ipconfig /renew
ipconfig /flushdns
netsh wlan show interfaces
\`\`\`

  \`netsh wlan show interfaces\` shows signal and channel: below 50 % reception is poor (move).
5. Company Wi-Fi with certificates (802.1X): sign in again after a password change; if the device certificate expires, go to the provider.
6. Update the Wi-Fi driver (Device Manager › Network adapters).

Guests belong in the guest Wi-Fi, never in the company network.`,
    requesterText: `Please turn airplane mode on and off once. If that does not help: under Settings › Network & internet › Wi-Fi, "forget" the network and connect again. Please tell us whether colleagues at the same place have Wi-Fi.`,
  },
  'netzlaufwerk-fehlt': {
    title: 'Mapped network drive missing or crossed out in red',
    body: `## Symptom

A mapped drive (e.g. \`S:\`) is missing in Explorer, shows a red X or says "Access denied".

## Resolution

1. Double-click the drive in Explorer: it often reconnects.
2. In the home office: connect the VPN first.
3. List mappings: \`net use\`. If it is missing, map it again:

\`\`\`
net use S: \\\\server\\share /persistent:yes
\`\`\`

4. **After a password change:** remove old saved credentials: *Control Panel › Credential Manager › Windows Credentials*, delete the entries for the server; sign out and in again.
5. Drives mapped by group policy: \`gpupdate /force\`, then sign out and in.
6. "Access denied" on a folder: the permission is missing – ask the data's owner to grant it, do not widen rights yourself.`,
    requesterText: `Please double-click the drive in Explorer; in the home office connect the VPN first. If it is still missing, sign out of Windows once and sign in again.`,
  },
  'teams-ton-mikrofon': {
    title: 'Teams: no sound, microphone does not work',
    body: `## Steps

1. In Teams: *Settings › Devices* – speaker and microphone set right (e.g. the headset, not the monitor)? *Make a test call*.
2. In the meeting: microphone not muted? Check the headset's mute button.
3. Windows: *Settings › Privacy & security › Microphone* – turn on *Microphone access* and *Let desktop apps access your microphone*.
4. Unplug and replug the headset (another USB port, no hub). Bluetooth: remove and pair the headset again; "Hands-Free" is the profile with the microphone.
5. Close other apps holding the microphone (Zoom, Webex, softphone).
6. Repair Teams: *Settings › Apps › Installed apps › Microsoft Teams › Advanced options › Repair* (then *Reset* if needed).`,
    requesterText: `Please check in Teams under Settings › Devices that your headset is chosen as speaker and microphone, and make a test call there. Otherwise unplug the headset once and plug it in again.`,
  },
  'konto-gesperrt': {
    title: 'User account locked: unlock it and find the cause',
    body: `## Symptom

Sign-in fails with "The referenced account is currently locked out" / "Your account has been locked", often after a password change.

## Unlock

- **Active Directory:** *Active Directory Users and Computers* › user › *Account* › *Unlock account*; or PowerShell: \`Unlock-ADAccount -Identity jdoe\`.
- **Microsoft 365 / Entra ID only:** smart lockout locks for a short time after several failed attempts (one minute at first, longer with each further failure). Wait, or reset the password in the admin center.

## Find the cause (or it is locked again at once)

\`\`\`
Get-ADUser jdoe -Properties LockedOut,BadLogonCount,LastBadPasswordAttempt
\`\`\`

On the domain controller (PDC emulator), event **4740** in the Security log shows which computer the failed attempts come from. Common sources: the old password in a phone's mail app, in saved credentials, in mapped drives or in a scheduled task.

## Afterwards

Replace the old password everywhere; if the failures come from unknown computers, think of an attack and escalate.`,
    requesterText: '',
  },
};
