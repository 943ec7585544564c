import type { Translation } from '../format.ts';
import type { en } from './en.ts';

// Du, as WordPress's German (de_DE) addresses readers.
export const de: Translation<typeof en> = {
  'signIn.ok.title': 'Angemeldet',
  'signIn.ok.message': 'Du bist angemeldet. Du kannst dieses Fenster schließen.',
  'signIn.denied.title': 'Anmeldung abgebrochen',
  'signIn.denied.message':
    'Die Anmeldung wurde abgebrochen. Du kannst dieses Fenster schließen und als Gast kommentieren.',
  'signIn.failed.title': 'Anmeldung fehlgeschlagen',
  'signIn.failed.message':
    'Wir konnten dich nicht anmelden. Schließe dieses Fenster und versuche es erneut.',
  'signIn.bind.title': 'Mit {provider} anmelden',
  'signIn.bind.connecting': 'Verbindung zu {provider} wird hergestellt …',
  'signIn.bind.failed':
    'Wir konnten die Anmeldung nicht starten. Schließe dieses Fenster und versuche es erneut.',
  'signIn.notFromForm':
    'Dieser Anmeldelink funktioniert nur in dem Fenster, das das Kommentarformular geöffnet hat. Schließe es und starte die Anmeldung im Kommentarformular.',
  'signIn.otherWindow':
    'Diese Anmeldung kann in diesem Fenster nicht abgeschlossen werden. Starte sie erneut im Kommentarformular.',
  'signIn.error.message':
    'Bei uns ist etwas schiefgelaufen. Schließe dieses Fenster und versuche es erneut.',
  'signIn.unavailable.title': 'Anmeldung nicht verfügbar',
  'signIn.unavailable.message': 'Die Anmeldung über diesen Anbieter ist nicht verfügbar.',
  'signIn.invalid.title': 'Anmeldelink ungültig',
  'signIn.invalid.message':
    'Dieser Anmeldelink ist ungültig. Starte die Anmeldung erneut im Kommentarformular.',
  'signIn.expired.title': 'Anmeldung abgelaufen',
  'signIn.expired.message':
    'Die Anmeldung hat zu lange gedauert. Schließe dieses Fenster und versuche es erneut.',
  'signIn.used.title': 'Anmeldung bereits abgeschlossen',
  'signIn.used.message':
    'Diese Anmeldung ist bereits abgeschlossen. Du kannst dieses Fenster schließen.',
  'signIn.forbidden.title': 'Starte im Kommentarformular',
  'signIn.tooMany.title': 'Zu viele Versuche',
  'signIn.tooMany.message': 'Zu viele Versuche. Warte eine Minute und versuche es dann erneut.',
  'signIn.notFound.title': 'Nicht gefunden',
  'signIn.notFound.message': 'Unter dieser Adresse gibt es nichts.',
  'deletion.title': 'Datenlöschung',
  'deletion.done': 'Deine Daten wurden am {date} gelöscht.',
  'deletion.anonymised': {
    one: '{count} Kommentar anonymisiert.',
    other: '{count} Kommentare anonymisiert.',
  },
  'deletion.code': 'Bestätigungscode: {code}.',
  'deletion.notFound': 'Zu diesem Code gibt es keine Anfrage zur Datenlöschung.',
  'email.subject': '[{site}] Kommentar zu „{page}“ wartet auf Freischaltung',
  'email.wrote':
    '{author} hat einen Kommentar zu „{page}“ geschrieben, der auf Freischaltung wartet.',
  'email.anonymous': 'Anonym',
  'email.whyHeld': 'Warum er zurückgehalten wurde:',
  'email.noReason': 'kein Grund vermerkt',
  'email.approve': 'Genehmigen',
  'email.spam': 'Spam',
  'email.trash': 'Papierkorb',
  'email.allWaiting': 'Alle wartenden Kommentare auf {site}',
  'email.signInNote':
    'Die Links öffnen das Parley-Dashboard; melde dich dort als Moderator von {site} an.',
  'email.why': 'Du erhältst diese E-Mail, weil du {site} moderierst.',
  // Reply notifications (server/subscriptions/).
  'notify.confirm.subject': '[{site}] Bestätige deine E-Mail-Benachrichtigungen',
  'notify.confirm.intro':
    'Jemand, hoffentlich du, hat {site} gebeten, diese Adresse per E-Mail zu benachrichtigen über:',
  'notify.confirm.replies': 'neue Antworten auf deinen Kommentar zu „{page}“',
  'notify.confirm.page': 'neue Kommentare zu „{page}“',
  'notify.confirm.action': 'Bestätigen',
  'notify.confirm.expires': {
    one: 'Der Link gilt {count} Tag.',
    other: 'Der Link gilt {count} Tage.',
  },
  'notify.confirm.ignore':
    'Wenn du das nicht warst, ignoriere diese E-Mail: Es wird nichts weiter gesendet.',
  'notify.reply.subject': '[{site}] {author} hat auf deinen Kommentar zu „{page}“ geantwortet',
  'notify.reply.wrote': '{author} hat auf deinen Kommentar zu „{page}“ geantwortet:',
  'notify.comment.subject': '[{site}] Neuer Kommentar von {author} zu „{page}“',
  'notify.comment.wrote': '{author} hat „{page}“ kommentiert:',
  'notify.view': 'Auf der Seite ansehen',
  'notify.why.replies':
    'Du erhältst diese E-Mail, weil du {site} gebeten hast, dich über Antworten auf deinen Kommentar zu benachrichtigen.',
  'notify.why.page':
    'Du erhältst diese E-Mail, weil du {site} gebeten hast, dich über neue Kommentare zu „{page}“ zu benachrichtigen.',
  'notify.unsubscribe': 'Abbestellen',
  'notify.page.confirm.title': 'E-Mail-Benachrichtigungen bestätigen',
  'notify.page.confirm.question': 'Möchtest du von {site} E-Mails erhalten über:',
  'notify.page.confirm.button': 'Ja, benachrichtige mich',
  'notify.page.confirmed.title': 'Benachrichtigungen aktiviert',
  'notify.page.confirmed.message':
    'Erledigt. Jede E-Mail enthält einen Link, mit dem du sie mit einem Klick abbestellen kannst.',
  'notify.page.unsubscribe.title': 'Abbestellen',
  'notify.page.unsubscribe.question': 'Die E-Mails abbestellen, die {site} dir schickt über:',
  'notify.page.unsubscribe.button': 'Abbestellen',
  'notify.page.unsubscribed.title': 'Abbestellt',
  'notify.page.unsubscribed.message': 'Du erhältst diese E-Mails nicht mehr.',
  'notify.page.invalid.title': 'Link ungültig',
  'notify.page.invalid.message':
    'Dieser Link ist nicht (mehr) gültig: Vielleicht hast du schon abbestellt.',
  'notify.page.expired.title': 'Link abgelaufen',
  'notify.page.expired.message':
    'Dieser Link ist abgelaufen. Setze das Häkchen erneut, wenn du das nächste Mal kommentierst.',
};
