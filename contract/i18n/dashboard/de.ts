import type { Translation } from '../format.ts';
import type { en } from './en.ts';

// The words of the reader catalogue and WordPress's German admin: „Kommentar“,
// „Spam“, „Papierkorb“, „freigeben“; the owner is addressed with „Sie“.
export const de: Translation<typeof en> = {
  'page.title': 'Parley-Dashboard',
  language: 'Sprache des Dashboards',
  loading: 'Wird geladen…',
  cancel: 'Abbrechen',
  'time.justNow': 'gerade eben',

  'error.unauthorized': 'E-Mail-Adresse oder Passwort ist falsch.',
  'error.rateLimited':
    'Zu viele Versuche. Bitte warten Sie eine Minute und versuchen Sie es erneut.',
  'error.forbidden': 'Sie dürfen diese Website nicht moderieren.',
  'error.network':
    'Parley ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.settingsChanged':
    'Jemand anderes hat diese Einstellungen inzwischen geändert. Laden Sie die Seite neu, um sie zu sehen, und nehmen Sie Ihre Änderungen dann erneut vor.',
  'error.busy':
    'Parley ist mit einem anderen Import beschäftigt. Bitte versuchen Sie es gleich erneut.',
  'error.other': 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',

  'login.heading': 'Zum Moderieren anmelden',
  'login.email': 'E-Mail',
  'login.password': 'Passwort',
  'login.submit': 'Anmelden',
  'login.signedOut': 'Sie haben sich abgemeldet.',
  'login.sessionEnded': 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',

  'header.site': 'Website',
  'header.noSites': 'Noch keine Websites',
  'header.nav': 'Übersicht',
  'header.moderation': 'Moderieren',
  'header.settings': 'Einstellungen',
  'header.moderators': 'Moderatoren',
  'header.signOut': 'Abmelden',

  'queue.heading': 'Moderationswarteschlange',
  'queue.statuses': 'Kommentarstatus',
  'queue.count': { one: '{count} Kommentar', other: '{count} Kommentare' },
  'status.pending': 'Ausstehend',
  'status.spam': 'Spam',
  'status.approved': 'Freigegeben',
  'status.trash': 'Papierkorb',
  'status.all': 'Alle',
  'queue.search': 'Kommentare durchsuchen',
  'queue.searchHint': 'Text, Autor, E-Mail oder IP',
  'queue.searchButton': 'Suchen',
  'queue.noMatch': 'Keine Kommentare passen zu „{q}“.',
  'queue.nonePending': 'Nichts wartet auf Moderation.',
  'queue.noneSpam': 'Keine Spam-Kommentare.',
  'queue.noneApproved': 'Keine freigegebenen Kommentare.',
  'queue.noneTrash': 'Keine Kommentare im Papierkorb.',
  'queue.noneAll': 'Noch keine Kommentare.',
  'queue.undo': 'Rückgängig',
  'queue.undoing': 'Wird rückgängig gemacht…',
  'queue.undone': 'Rückgängig gemacht.',
  'queue.banned': '{name} wurde gesperrt.',
  'done.approve': {
    one: 'Freigegeben: {count} Kommentar.',
    other: 'Freigegeben: {count} Kommentare.',
  },
  'done.spam': {
    one: 'Als Spam markiert: {count} Kommentar.',
    other: 'Als Spam markiert: {count} Kommentare.',
  },
  'done.trash': {
    one: 'In den Papierkorb verschoben: {count} Kommentar.',
    other: 'In den Papierkorb verschoben: {count} Kommentare.',
  },
  'done.restore': {
    one: 'Wiederhergestellt: {count} Kommentar.',
    other: 'Wiederhergestellt: {count} Kommentare.',
  },
  'done.hold': {
    one: 'Zurück in die Warteschlange: {count} Kommentar.',
    other: 'Zurück in die Warteschlange: {count} Kommentare.',
  },

  'bulk.legend': 'Mehrfachaktionen',
  'bulk.selectAll': 'Alle auswählen',
  'bulk.selected': { one: '{count} ausgewählt', other: '{count} ausgewählt' },
  'bulk.approve': 'Auswahl freigeben',
  'bulk.spam': 'Auswahl als Spam',
  'bulk.trash': 'Auswahl in den Papierkorb',
  'bulk.restore': 'Auswahl wiederherstellen',

  'shortcuts.title': 'Tastenkürzel:',
  'shortcuts.list':
    '{j} / {k} nächster / vorheriger, {a} freigeben, {s} Spam, {d} Papierkorb, {x} auswählen',

  'item.label': 'Kommentar von {name}',
  'item.select': 'Auswählen',
  'item.guest': 'Gast',
  'item.approve': 'Freigeben',
  'item.spam': 'Als Spam markieren',
  'item.trash': 'In den Papierkorb',
  'item.restore': 'Wiederherstellen',
  'item.ban': 'Autor sperren',
  'item.banQuestion':
    '{name} sperren? Diese Person kann nicht mehr kommentieren, und dieser Kommentar wird zu Spam.',
  'item.banConfirm': 'Ja, sperren',
  'item.on': 'Auf {page}',
  'item.inReplyTo': 'Antwort auf {name}: {excerpt}',
  'item.heldBecause': 'Zurückgehalten wegen:',

  'check.honeypot': 'Verstecktes Feld ausgefüllt',
  'check.formAge': 'Sehr schnell abgeschickt',
  'check.flood': 'Zu häufig kommentiert',
  'check.duplicate': 'Doppelt abgeschickt',
  'check.links': 'Viele Links',
  'check.blocklist': 'Sperrliste',
  'check.moderationMode': 'Moderationseinstellung der Website',
  'check.akismet': 'Akismet',
  'reason.honeypot': 'ein verstecktes Feld wurde ausgefüllt, wie es Bots tun',
  'reason.formNoTiming': 'keine Formularzeit: ohne das Formular gesendet',
  'reason.formTooFast':
    '{seconds} s nach dem Öffnen des Formulars gesendet (mindestens {minimum} s)',
  'reason.floodUnavailable': 'Flutschutz nicht verfügbar ({error})',
  'reason.floodTooMany': {
    one: 'zu viele Kommentare; in {count} Sekunde erneut versuchen',
    other: 'zu viele Kommentare; in {count} Sekunden erneut versuchen',
  },
  'reason.duplicate': 'derselbe Kommentar wurde schon gesendet',
  'reason.linksEditAdded': {
    one: 'die Änderung fügte einen Link hinzu; diese Website prüft Kommentare vor dem Erscheinen',
    other:
      'die Änderung fügte {count} Links hinzu; diese Website prüft Kommentare vor dem Erscheinen',
  },
  'reason.linksTooMany': {
    one: '{count} Link (diese Website hält Kommentare mit {limit} oder mehr zurück)',
    other: '{count} Links (diese Website hält Kommentare mit {limit} oder mehr zurück)',
  },
  'reason.banned': 'dieses Konto ist auf der Website gesperrt',
  'reason.wordInComment': 'gesperrtes Wort „{word}“ im Kommentar',
  'reason.wordInName': 'gesperrtes Wort „{word}“ im Namen',
  'reason.wordInWebsite': 'gesperrtes Wort „{word}“ in der Website',
  'reason.blockedEmail': 'gesperrte E-Mail „{rule}“',
  'reason.blockedIp': 'gesperrte IP {ip} (Regel {rule})',
  'reason.modeAll': 'diese Website hält jeden Kommentar zur Prüfung zurück',
  'reason.firstGuest':
    'erster Kommentar von dieser E-Mail-Adresse: zurückgehalten, bis ein Moderator einen freigibt',
  'reason.firstAccount':
    'erster Kommentar von diesem Konto: zurückgehalten, bis ein Moderator einen freigibt',
  'reason.akismetSpam': 'Akismet hält ihn für Spam',
  'reason.akismetDiscard': 'Akismet hält ihn für eindeutigen Spam',
  'reason.akismetUnavailable': 'Akismet war nicht erreichbar ({error})',

  'comment.heading': 'Einen Kommentar moderieren',
  'comment.notFound':
    'Dieser Kommentar ist auf keiner Ihrer Websites. Vielleicht wurde er gelöscht.',
  'comment.approve': 'Diesen Kommentar freigeben',
  'comment.spam': 'Diesen Kommentar als Spam markieren',
  'comment.trash': 'Diesen Kommentar in den Papierkorb legen',
  'comment.done': 'Erledigt.',
  'comment.back': 'Zurück zur Moderationswarteschlange',

  'settings.heading': 'Einstellungen',
  'settings.form': 'Einstellungen der Website',
  'settings.readOnly':
    'Nur die Eigentümer der Website können diese Einstellungen ändern. Als Moderator können Sie sie lesen.',
  'settings.ownersOnly': 'Nur die Eigentümer der Website können ihre Einstellungen ändern.',
  'settings.noChanges': 'Keine Änderungen zu speichern.',
  'settings.saved': 'Einstellungen gespeichert.',
  'settings.correct': 'Bitte korrigieren Sie das markierte Feld.',
  'settings.save': 'Einstellungen speichern',
  'settings.invalid': 'Dieser Wert ist ungültig.',
  'settings.invalidWhole': 'Bitte geben Sie eine ganze Zahl von {min} bis {max} ein.',
  'settings.invalidRange': 'Bitte geben Sie eine Zahl von {min} bis {max} ein.',
  'settings.invalidName': 'Bitte geben Sie einen Namen mit höchstens 200 Zeichen ein.',
  'settings.invalidOrigins':
    'Bitte geben Sie jede Herkunft nur mit Schema und Host an, etwa https://blog.example.',
  'settings.invalidUrl':
    'Bitte geben Sie eine vollständige Webadresse ein, die mit https:// beginnt, oder nichts.',
  'settings.invalidIps': 'Bitte geben Sie IP-Adressen oder CIDR-Bereiche ein, etwa 203.0.113.0/24.',
  'settings.site': 'Website',
  'settings.name': 'Name der Website',
  'settings.origins': 'Erlaubte Herkünfte',
  'settings.originsHint':
    'Eine pro Zeile. Seiten, in die das Widget eingebettet werden darf, etwa https://blog.example',
  'settings.moderation': 'Moderieren',
  'settings.mode': 'Kommentare zur Moderation zurückhalten',
  'settings.modeNone': 'Keine',
  'settings.modeFirstTime': 'Von neuen Kommentatoren',
  'settings.modeAll': 'Alle Kommentare',
  'settings.linkLimit': 'Link-Grenze',
  'settings.linkLimitHint': 'Einen Kommentar mit mindestens so vielen Links zurückhalten.',
  'settings.minFormSeconds': 'Mindestsekunden vor dem Absenden',
  'settings.minFormSecondsHint':
    'Ein Kommentar, der schneller als dies nach dem Erscheinen des Formulars abgeschickt wird, gilt als von einem Bot.',
  'settings.akismetKey': 'Akismet-API-Schlüssel',
  'settings.akismetKeyHint': 'Leer lassen, um Akismet auszuschalten.',
  'settings.blocklist': 'Sperrliste',
  'settings.words': 'Gesperrte Wörter',
  'settings.emails': 'Gesperrte E-Mail-Adressen',
  'settings.ips': 'Gesperrte IP-Adressen',
  'settings.identities': 'Gesperrte Identitäten',
  'settings.perLine': 'Eine pro Zeile.',
  'settings.ipsHint': 'Eine pro Zeile. Adressen oder CIDR-Bereiche, etwa 203.0.113.0/24.',
  'settings.identitiesHint':
    'Eine pro Zeile. Hinzugefügt durch „Autor sperren“; eine Zeile entfernen hebt eine Sperre auf.',
  'settings.blocklistAction': 'Treffer der Sperrliste kommen nach',
  'settings.comments': 'Kommentare',
  'settings.editWindow': 'Bearbeitungszeit (Minuten)',
  'settings.editWindowHint':
    'Wie lange Autoren ihren eigenen Kommentar bearbeiten oder löschen dürfen.',
  'settings.maxDepth': 'Antworttiefe',
  'settings.maxDepthHint': 'Wie tief Antworten verschachtelt werden dürfen.',
  'settings.privacyUrl': 'Adresse der Datenschutzerklärung',
  'settings.privacyUrlHint':
    'Unter dem Kommentarformular verlinkt als „Erfahre, wie deine Kommentardaten verarbeitet werden“.',
  'settings.language': 'Sprache',
  'settings.languageEach': 'Die jedes Lesers',
  'settings.languageHint':
    'Die Sprache des Widgets für alle Leser (außer das data-lang einer Seite sagt anderes) und die Sprache der Moderations-E-Mails.',
  'settings.gravatar': 'Bilder der Gäste von Gravatar',
  'settings.gravatarHint':
    'Parley holt sie und liefert sie selbst aus, sodass die Browser der Leser Gravatar nie kontaktieren. Aus: Parley zeichnet ein Bild.',
  'settings.retention': 'IP-Adressen und Browser aufbewahren für (Tage)',
  'settings.retentionHint': 'Gegen Spam genutzt; aus älteren Kommentaren gelöscht.',
  'settings.readerDeletion': 'Wenn Leser ihre Daten löschen, werden ihre Kommentare',
  'settings.readerDeletionChoice': 'behalten oder entfernt, wie sie wählen',
  'settings.readerDeletionAnonymise': 'behalten, als „Gelöschter Nutzer“',
  'settings.readerDeletionRemove': 'entfernt',
  'settings.readerDeletionHint':
    'Ein entfernter Kommentar mit Antworten bleibt als Platzhalter stehen, damit die Antworten ihren Platz behalten.',
  'settings.signIn': 'Anmeldung',
  'settings.offerProvider': 'Anmeldung mit {provider} anbieten',

  'embed.heading': 'Einbettungscode',
  'embed.hint': 'Fügen Sie ihn dort ein, wo die Kommentare auf Ihren Seiten erscheinen sollen.',
  'embed.copy': 'Einbettungscode kopieren',
  'embed.copied': 'Kopiert.',
  'embed.selectToCopy': 'Drücken Sie Strg+C (⌘C auf dem Mac), um den markierten Code zu kopieren.',

  'export.heading': 'Exportieren',
  'export.hint':
    'Jede Seite und jeder Kommentar mit Thread, Status und Datum. Die Datei enthält E-Mail- und IP-Adressen der Kommentierenden: Halten Sie sie vertraulich.',
  'export.download': '{format} herunterladen',
  'import.heading': 'Importieren',
  'import.format': 'Dateiformat',
  'import.formatWxr': 'WordPress-Export (WXR, .xml)',
  'import.formatDisqus': 'Disqus-XML-Export',
  'import.formatParley': 'Parleys eigener JSON-Export',
  'import.formatRemark42': 'Remark42-Sicherung (.gz oder unkomprimiert)',
  'import.formatIsso': 'Isso-SQLite-Datenbank',
  'import.file': 'Datei',
  'import.map': 'Adressänderungen',
  'import.mapHint': 'Eine pro Zeile, alt=neu, etwa http://old.example=https://blog.example',
  'import.dryRun': 'Probelauf: prüfen und zählen, nichts speichern',
  'import.submit': 'Importieren',
  'import.chooseFile': 'Wählen Sie die Datei, die importiert werden soll.',
  'import.progressLabel': 'Fortschritt des Imports',
  'import.uploading': 'Datei wird hochgeladen und geprüft…',
  'import.progress': {
    one: '{read} von {count} Kommentar gelesen: {imported} importiert, {present} schon vorhanden…',
    other:
      '{read} von {count} Kommentaren gelesen: {imported} importiert, {present} schon vorhanden…',
  },
  'import.progressOpen': {
    one: '{count} Kommentar gelesen: {imported} importiert, {present} schon vorhanden…',
    other: '{count} Kommentare gelesen: {imported} importiert, {present} schon vorhanden…',
  },
  'import.imported': 'Importiert: {count}',
  'import.wouldImport': 'Würde importiert: {count}',
  'import.present': 'Schon vorhanden: {count}',
  'import.skipped': 'Übersprungen ({kind}): {count}',
  'import.refused': 'Abgelehnt: {count}',
  'import.offOrigin': {
    one: '{count} Kommentar steht auf einer Seite außerhalb der Herkünfte der Website: Importieren Sie erneut mit einer Adressänderung.',
    other:
      '{count} Kommentare stehen auf Seiten außerhalb der Herkünfte der Website: Importieren Sie erneut mit einer Adressänderung.',
  },
  'import.dryRunDone': 'Probelauf: Nichts wurde gespeichert.',
  'import.empty': 'Die Datei ist leer: Wählen Sie die Datei, die importiert werden soll.',
  'import.badMapping':
    'Jede Adressänderung lautet alt=neu, zwei vollständige Adressen wie https://old.example=https://new.example.',
  'import.malformed':
    'Diese Datei lässt sich im gewählten Format nicht lesen. Prüfen Sie Format und Datei.',
  'import.tooLarge':
    'Diese Datei ist zu groß zum Hochladen. Importieren Sie sie über die Kommandozeile (npm run parley -- import).',
  'import.unknownFormat': 'Parley kann dieses Format nicht importieren.',
  'import.stopped':
    'Der Import wurde unterwegs angehalten. Starten Sie denselben Import erneut, um fortzufahren: Bereits importierte Kommentare werden übersprungen.',
  'import.details': 'Details (vom Server, auf Englisch):',

  'members.heading': 'Moderatoren',
  'members.ownersOnly': 'Nur die Eigentümer der Website können ihre Moderatoren verwalten.',
  'members.lastOwner':
    'Eine Website braucht mindestens einen Eigentümer: Machen Sie zuerst jemand anderen zum Eigentümer.',
  'members.invalidEmail': 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
  'members.removed': '{email} wurde entfernt.',
  'members.addedOwner': '{email} wurde als Eigentümer hinzugefügt.',
  'members.addedModerator': '{email} wurde als Moderator hinzugefügt.',
  'members.password': 'Das Passwort des neuen Kontos:',
  'members.passwordOnce':
    'Es wird nur dieses eine Mal angezeigt. Geben Sie es jetzt weiter; die Person meldet sich hier unter /admin mit ihrer E-Mail-Adresse und diesem Passwort an.',
  'members.list': 'Eigentümer und Moderatoren',
  'members.remove': 'Entfernen',
  'members.removeWho': '{email} entfernen',
  'members.removeQuestion': '{email} von dieser Website entfernen?',
  'members.removeConfirm': 'Ja, entfernen',
  'members.add': 'Moderator hinzufügen',
  'members.email': 'E-Mail',
  'members.role': 'Rolle',
  'role.owner': 'Eigentümer',
  'role.moderator': 'Moderator',

  'erase.heading': 'Daten eines Lesers löschen',
  'erase.hint':
    'Alles zu einer E-Mail-Adresse (Gastkommentare und ein angemeldeter Leser mit dieser E-Mail) oder einer Identität, nur auf dieser Website.',
  'erase.who': 'E-Mail oder Identitäts-ID',
  'erase.comments': 'Ihre Kommentare',
  'erase.remove': 'Entfernen',
  'erase.anonymise': 'Als „Gelöschter Nutzer“ behalten',
  'erase.submit': 'Löschen',
  'erase.removed': {
    one: '{who} gelöscht: {count} Kommentar entfernt.',
    other: '{who} gelöscht: {count} Kommentare entfernt.',
  },
  'erase.kept': {
    one: '{who} gelöscht: {count} Kommentar als „Gelöschter Nutzer“ behalten.',
    other: '{who} gelöscht: {count} Kommentare als „Gelöschter Nutzer“ behalten.',
  },
  'erase.unknown': 'Kein Leser mit dieser Identität hat auf dieser Website kommentiert.',
  'erase.invalid': 'Geben Sie eine E-Mail-Adresse oder eine Identitäts-ID ein.',
};
