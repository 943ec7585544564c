import type { Translation } from '../format.ts';
import type { en } from './en.ts';

// WordPress's German (de_DE, "du"): „Schreibe einen Kommentar“,
// „Kommentar abschicken“, „Antworten abbrechen“.
export const de: Translation<typeof en> = {
  'frame.title': 'Kommentare',
  unavailable: 'Kommentare sind nicht verfügbar.',
  'count.none': 'Noch keine Kommentare',
  'count.some': { one: '{count} Kommentar', other: '{count} Kommentare' },
  'count.heading': 'Kommentare',
  'time.justNow': 'gerade eben',

  'comment.deleted': 'Dieser Kommentar wurde gelöscht.',
  'comment.deletedAuthor': 'Gelöschter Nutzer',
  'comment.anonymousAuthor': 'Anonym',
  'comment.inReplyTo': 'Antwort auf {name}',
  'comment.edited': '(bearbeitet)',
  'comment.awaiting': 'Dein Kommentar wartet auf Freischaltung.',
  'comment.reply': 'Antworten',
  'comment.replyTo': '{name} antworten',
  'comment.edit': 'Bearbeiten',
  'comment.editYours': 'Deinen Kommentar bearbeiten',
  'comment.delete': 'Löschen',
  'comment.deleteYours': 'Deinen Kommentar löschen',
  'edit.label': 'Dein Kommentar',
  'edit.save': 'Speichern',
  'edit.saving': 'Wird gespeichert …',
  'edit.cancel': 'Abbrechen',
  'delete.confirm': 'Diesen Kommentar löschen?',
  'delete.deleting': 'Wird gelöscht …',
  'delete.keep': 'Behalten',

  'form.leave': 'Schreibe einen Kommentar',
  'form.replyTo': 'Antwort an {name}',
  'form.cancelReply': 'Antworten abbrechen',
  'form.comment': 'Kommentar',
  'form.placeholder': 'Schreibe einen Kommentar …',
  'form.details': 'Trage deine Daten unten ein',
  'form.detailsOrLogIn': 'Trage deine Daten unten ein oder klicke ein Icon, um dich anzumelden:',
  'form.email': 'E-Mail',
  'form.emailHint': 'Adresse wird niemals veröffentlicht',
  'form.name': 'Name',
  'form.website': 'Website',
  'form.remember':
    'Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser für die nächste Kommentierung speichern.',
  'form.honeypot': 'Dieses Feld leer lassen',
  'form.post': 'Kommentar abschicken',
  'form.posting': 'Wird gesendet …',
  'form.akismet': 'Diese Website verwendet Akismet, um Spam zu reduzieren.',
  'form.privacy': 'Erfahre, wie deine Kommentardaten verarbeitet werden',

  'field.check': 'Bitte überprüfe dieses Feld.',
  'field.body.missing': 'Bitte schreibe deinen Kommentar.',
  'field.body.tooLong': {
    one: 'Dein Kommentar ist länger als {count} Zeichen. Er bleibt hier erhalten: Bitte kürze ihn.',
    other:
      'Dein Kommentar ist länger als {count} Zeichen. Er bleibt hier erhalten: Bitte kürze ihn.',
  },
  'field.name.missing': 'Bitte gib deinen Namen ein.',
  'field.name.invalid': 'Bitte gib einen kürzeren Namen ein.',
  'field.email.missing': 'Bitte gib deine E-Mail-Adresse ein. Sie wird niemals veröffentlicht.',
  'field.email.invalid': 'Bitte gib eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.',
  'field.website.invalid':
    'Bitte gib eine Webadresse wie beispiel.de ein oder lass dieses Feld leer.',
  'form.problems': {
    one: 'Ein Feld braucht deine Aufmerksamkeit.',
    other: '{count} Felder brauchen deine Aufmerksamkeit.',
  },
  'form.left': { one: 'Noch {count} Zeichen', other: 'Noch {count} Zeichen' },
  'form.over': { one: '{count} Zeichen zu viel', other: '{count} Zeichen zu viel' },
  'form.posted': 'Dein Kommentar wurde veröffentlicht.',
  'form.held':
    'Dein Kommentar wartet auf Freischaltung. Er erscheint, sobald ihn jemand aus der Moderation freigibt.',

  'error.signedOut':
    'Deine Anmeldung ist abgelaufen. Dein Kommentar bleibt hier erhalten; melde dich erneut an oder trage deine Daten ein, um als Gast zu kommentieren.',
  'error.server':
    'Der Kommentar-Server hatte ein Problem. Dein Kommentar bleibt hier erhalten; bitte versuche es erneut.',
  'error.network':
    'Der Kommentar-Server war nicht erreichbar. Dein Kommentar bleibt hier erhalten; bitte versuche es erneut.',
  'error.originNotAllowed': 'Von dieser Seite aus können keine Kommentare abgeschickt werden.',
  'error.parentNotFound': 'Den Kommentar, auf den du antwortest, gibt es nicht mehr.',
  'error.unknownSite': 'Auf dieser Website sind Kommentare nicht verfügbar.',
  'error.notAuthor': 'Nur die Person, die ihn geschrieben hat, kann diesen Kommentar ändern.',
  'error.commentNotFound': 'Diesen Kommentar gibt es nicht mehr.',
  'error.tooLarge': 'Dein Kommentar ist zu lang. Bitte kürze ihn und versuche es erneut.',
  'error.rateLimited':
    'Du schreibst zu schnell. Bitte warte einen Moment und versuche es dann erneut.',
  'error.rateLimitedFor': {
    one: 'Du schreibst zu schnell. Bitte warte {count} Sekunde und versuche es dann erneut.',
    other: 'Du schreibst zu schnell. Bitte warte {count} Sekunden und versuche es dann erneut.',
  },
  'error.duplicate': 'Diesen Kommentar hast du bereits geschrieben.',
  'error.banned': 'Du kannst auf dieser Website nicht kommentieren.',
  'error.spam': 'Dein Kommentar wurde als Spam abgelehnt.',
  'error.editWindowClosed': 'Die Zeit, um diesen Kommentar zu ändern, ist abgelaufen.',

  'signIn.connecting': 'Verbindung zu {provider} wird hergestellt …',
  'signIn.cancel': 'Abbrechen',
  'signIn.logInWith': 'Mit {provider} anmelden',
  'signIn.as': 'Du kommentierst mit deinem {provider}-Konto.',
  'signIn.logOut': 'Abmelden',
  'signIn.change': 'Ändern',
  'signIn.ended':
    'Deine Anmeldung ist beendet. Melde dich erneut an, um mit deinem Konto zu kommentieren.',
  'signIn.popupBlocked':
    'Dein Browser hat das Anmeldefenster blockiert. Erlaube Pop-ups für diese Website und versuche es dann erneut.',
  'signIn.cancelled': 'Du hast die Anmeldung abgebrochen.',
  'signIn.wasCancelled': 'Die Anmeldung wurde abgebrochen.',
  'signIn.cancelledWith': 'Du hast die Anmeldung mit {provider} abgebrochen.',
  'signIn.tooLong': 'Die Anmeldung hat zu lange gedauert. Bitte versuche es erneut.',
  'signIn.tooMany':
    'Zu viele Anmeldeversuche. Bitte warte eine Minute und versuche es dann erneut.',
  'signIn.network': 'Der Kommentar-Server war nicht erreichbar. Bitte versuche es erneut.',
  'signIn.unavailable': 'Die Anmeldung mit {provider} ist hier nicht verfügbar.',
  'signIn.failed':
    'Die Anmeldung hat nicht geklappt. Versuche es erneut oder kommentiere als Gast.',
  'signIn.failedWith':
    'Die Anmeldung mit {provider} hat nicht geklappt. Versuche es erneut oder kommentiere als Gast.',
  'form.notifyReplies': 'Benachrichtige mich per E-Mail über neue Antworten',
  'form.notifyPage': 'Benachrichtige mich über neue Kommentare zu diesem Beitrag',
  'form.notify.confirmEmail': 'Sieh in deinen E-Mails nach, um zu bestätigen.',
  'comment.new': 'Neu',
  'more.comments': 'Weitere Kommentare laden',
  'more.replies': {
    one: '{count} weitere Antwort anzeigen',
    other: '{count} weitere Antworten anzeigen',
  },
  'more.failed': 'Konnte nicht geladen werden. Bitte versuche es erneut.',
  'data.open': 'Deine Daten auf dieser Website',
  'data.explain':
    'Lade die Kommentare, die du hier mit deiner E-Mail-Adresse geschrieben hast, herunter oder lösche sie. Wir schicken dir einen Link per E-Mail, der beweist, dass sie dir gehören. Andere Websites sind nicht betroffen.',
  'data.email': 'Deine E-Mail-Adresse',
  'data.send': 'Link per E-Mail senden',
  'data.sent': {
    one: 'Wenn {email} deine Adresse ist, ist ein Link dorthin unterwegs. Er funktioniert einmal, innerhalb von {count} Minute, nur für diese Website.',
    other:
      'Wenn {email} deine Adresse ist, ist ein Link dorthin unterwegs. Er funktioniert einmal, innerhalb von {count} Minuten, nur für diese Website.',
  },
  'data.sendFailed': 'Deine Anfrage konnte nicht gesendet werden. Bitte versuche es erneut.',
  'data.tooMany': {
    one: 'Zu viele Anfragen von hier. Bitte versuche es in {count} Minute erneut.',
    other: 'Zu viele Anfragen von hier. Bitte versuche es in {count} Minuten erneut.',
  },
  'data.noEmail':
    'Dieser Kommentar-Server verschickt keine E-Mails. Bitte den Betreiber der Website, deine Daten zu exportieren oder zu löschen.',
  'data.download': 'Meine Daten herunterladen',
  'data.delete': 'Mein Konto löschen',
  'data.deleteTitle': 'Mein Konto auf dieser Website löschen',
  'data.deleteExplain':
    'Dein Konto auf dieser Website löschen? Dein Name, dein Bild und deine Sitzungen hier werden entfernt. Andere Websites sind nicht betroffen.',
  'data.deleteKeep': 'Löschen, meine Kommentare als „Gelöschter Nutzer“ behalten',
  'data.deleteRemove': 'Löschen und meine Kommentare entfernen',
  'data.downloadFailed':
    'Deine Daten konnten nicht heruntergeladen werden. Bitte versuche es erneut.',
  'data.deleteFailed': 'Dein Konto konnte nicht gelöscht werden. Bitte versuche es erneut.',
  'data.deleted': 'Dein Konto auf dieser Website wurde gelöscht.',
};
