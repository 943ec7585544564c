import type { Translation } from '../format.ts';
import type { en } from './en.ts';

// WordPress's Spanish (es_ES, "tú"): «Deja un comentario», «Publicar el
// comentario», «Cancelar la respuesta».
export const es: Translation<typeof en> = {
  'frame.title': 'Comentarios',
  unavailable: 'Los comentarios no están disponibles.',
  'count.none': 'Todavía no hay comentarios',
  'count.some': {
    one: '{count} comentario',
    many: '{count} de comentarios',
    other: '{count} comentarios',
  },
  'count.heading': 'Comentarios',
  'time.justNow': 'ahora mismo',

  'comment.deleted': 'Este comentario se ha eliminado.',
  'comment.inReplyTo': 'En respuesta a {name}',
  'comment.edited': '(editado)',
  'comment.awaiting': 'Tu comentario está pendiente de moderación.',
  'comment.reply': 'Responder',
  'comment.replyTo': 'Responder a {name}',
  'comment.edit': 'Editar',
  'comment.editYours': 'Editar tu comentario',
  'comment.delete': 'Eliminar',
  'comment.deleteYours': 'Eliminar tu comentario',
  'edit.label': 'Tu comentario',
  'edit.save': 'Guardar',
  'edit.saving': 'Guardando…',
  'edit.cancel': 'Cancelar',
  'delete.confirm': '¿Eliminar este comentario?',
  'delete.deleting': 'Eliminando…',
  'delete.keep': 'Conservar',

  'form.leave': 'Deja un comentario',
  'form.replyTo': 'Responder a {name}',
  'form.cancelReply': 'Cancelar la respuesta',
  'form.comment': 'Comentario',
  'form.placeholder': 'Escribe un comentario…',
  'form.details': 'Introduce tus datos',
  'form.detailsOrLogIn': 'Introduce tus datos o haz clic en un icono para iniciar sesión:',
  'form.email': 'Correo electrónico',
  'form.emailHint': 'La dirección nunca se hará pública',
  'form.name': 'Nombre',
  'form.website': 'Web',
  'form.remember':
    'Guarda mi nombre, correo electrónico y web en este navegador para la próxima vez que comente.',
  'form.honeypot': 'Deja este campo vacío',
  'form.post': 'Publicar el comentario',
  'form.posting': 'Publicando…',
  'form.akismet': 'Este sitio usa Akismet para reducir el spam.',
  'form.privacy': 'Aprende cómo se procesan los datos de tus comentarios',

  'field.check': 'Revisa este campo.',
  'field.body.missing': 'Escribe tu comentario.',
  'field.body.tooLong': {
    one: 'Tu comentario supera {count} carácter. Se conserva aquí: acórtalo, por favor.',
    many: 'Tu comentario supera {count} de caracteres. Se conserva aquí: acórtalo, por favor.',
    other: 'Tu comentario supera {count} caracteres. Se conserva aquí: acórtalo, por favor.',
  },
  'field.name.missing': 'Escribe tu nombre.',
  'field.name.invalid': 'Escribe un nombre más corto.',
  'field.email.missing': 'Escribe tu correo electrónico. Nunca se hará público.',
  'field.email.invalid': 'Escribe un correo electrónico válido, como nombre@ejemplo.com.',
  'field.website.invalid': 'Escribe una dirección web como ejemplo.com, o deja este campo vacío.',
  'form.problems': {
    one: 'Un campo necesita tu atención.',
    many: '{count} de campos necesitan tu atención.',
    other: '{count} campos necesitan tu atención.',
  },
  'form.left': {
    one: 'Queda {count} carácter',
    many: 'Quedan {count} de caracteres',
    other: 'Quedan {count} caracteres',
  },
  'form.over': {
    one: '{count} carácter por encima del límite',
    many: '{count} de caracteres por encima del límite',
    other: '{count} caracteres por encima del límite',
  },
  'form.posted': 'Tu comentario se ha publicado.',
  'form.held':
    'Tu comentario está pendiente de moderación. Aparecerá en cuanto lo apruebe un moderador.',

  'error.signedOut':
    'Tu sesión ha caducado. Tu comentario se conserva aquí; vuelve a iniciar sesión o introduce tus datos para publicarlo como invitado.',
  'error.server':
    'El servidor de comentarios ha tenido un problema. Tu comentario se conserva aquí; inténtalo de nuevo.',
  'error.network':
    'No se ha podido contactar con el servidor de comentarios. Tu comentario se conserva aquí; inténtalo de nuevo.',
  'error.originNotAllowed': 'No se pueden publicar comentarios desde esta página.',
  'error.parentNotFound': 'El comentario al que respondes ya no existe.',
  'error.unknownSite': 'Los comentarios no están disponibles en este sitio.',
  'error.notAuthor': 'Solo quien lo escribió puede cambiar este comentario.',
  'error.commentNotFound': 'Este comentario ya no existe.',
  'error.tooLarge': 'Tu comentario es demasiado largo. Acórtalo e inténtalo de nuevo.',
  'error.rateLimited': 'Estás publicando demasiado rápido. Espera un poco e inténtalo de nuevo.',
  'error.rateLimitedFor': {
    one: 'Estás publicando demasiado rápido. Espera {count} segundo e inténtalo de nuevo.',
    many: 'Estás publicando demasiado rápido. Espera {count} de segundos e inténtalo de nuevo.',
    other: 'Estás publicando demasiado rápido. Espera {count} segundos e inténtalo de nuevo.',
  },
  'error.duplicate': 'Ya has publicado este comentario.',
  'error.banned': 'No puedes comentar en este sitio.',
  'error.spam': 'Tu comentario se ha rechazado por ser spam.',
  'error.editWindowClosed': 'Se ha acabado el tiempo para cambiar este comentario.',

  'signIn.connecting': 'Conectando con {provider}…',
  'signIn.cancel': 'Cancelar',
  'signIn.logInWith': 'Iniciar sesión con {provider}',
  'signIn.as': 'Estás comentando usando tu cuenta de {provider}.',
  'signIn.logOut': 'Cerrar sesión',
  'signIn.change': 'Cambiar',
  'signIn.ended': 'Tu sesión ha terminado. Vuelve a iniciar sesión para comentar con tu cuenta.',
  'signIn.popupBlocked':
    'Tu navegador ha bloqueado la ventana de inicio de sesión. Permite las ventanas emergentes en este sitio e inténtalo de nuevo.',
  'signIn.cancelled': 'Has cancelado el inicio de sesión.',
  'signIn.wasCancelled': 'Se ha cancelado el inicio de sesión.',
  'signIn.cancelledWith': 'Has cancelado el inicio de sesión con {provider}.',
  'signIn.tooLong': 'El inicio de sesión ha tardado demasiado. Inténtalo de nuevo.',
  'signIn.tooMany':
    'Demasiados intentos de inicio de sesión. Espera un minuto e inténtalo de nuevo.',
  'signIn.network': 'No se ha podido contactar con el servidor de comentarios. Inténtalo de nuevo.',
  'signIn.unavailable': 'Aquí no se puede iniciar sesión con {provider}.',
  'signIn.failed': 'No se ha podido iniciar sesión. Inténtalo de nuevo o comenta como invitado.',
  'signIn.failedWith':
    'No se ha podido iniciar sesión con {provider}. Inténtalo de nuevo o comenta como invitado.',
  'form.notifyReplies': 'Avísame por correo electrónico de nuevas respuestas',
  'form.notifyPage': 'Avísame de nuevos comentarios en esta entrada',
  'form.notify.confirmEmail': 'Revisa tu correo para confirmar.',
  'comment.new': 'Nuevo',
  'more.comments': 'Cargar más comentarios',
  'more.replies': {
    one: 'Mostrar {count} respuesta más',
    many: 'Mostrar {count} de respuestas más',
    other: 'Mostrar {count} respuestas más',
  },
  'more.failed': 'No se han podido cargar. Inténtalo de nuevo.',
  'data.open': 'Tus datos en este sitio',
  'data.explain':
    'Descarga o elimina los comentarios que escribiste aquí con tu dirección de correo electrónico. Te enviaremos un enlace por correo para demostrar que son tuyos. Los demás sitios no se ven afectados.',
  'data.email': 'Tu correo electrónico',
  'data.send': 'Envíame un enlace',
  'data.sent': {
    one: 'Si {email} es tu dirección, te hemos enviado un enlace. Funciona una sola vez, durante {count} minuto, solo para este sitio.',
    many: 'Si {email} es tu dirección, te hemos enviado un enlace. Funciona una sola vez, durante {count} minutos, solo para este sitio.',
    other:
      'Si {email} es tu dirección, te hemos enviado un enlace. Funciona una sola vez, durante {count} minutos, solo para este sitio.',
  },
  'data.sendFailed': 'No se ha podido enviar tu solicitud. Inténtalo de nuevo.',
  'data.tooMany': {
    one: 'Demasiadas solicitudes desde aquí. Inténtalo de nuevo dentro de {count} minuto.',
    many: 'Demasiadas solicitudes desde aquí. Inténtalo de nuevo dentro de {count} de minutos.',
    other: 'Demasiadas solicitudes desde aquí. Inténtalo de nuevo dentro de {count} minutos.',
  },
  'data.noEmail':
    'Este servidor de comentarios no envía correos. Pide al propietario del sitio que exporte o elimine tus datos.',
  'data.download': 'Descargar mis datos',
  'data.delete': 'Eliminar mi cuenta',
  'data.deleteTitle': 'Eliminar mi cuenta en este sitio',
  'data.deleteExplain':
    '¿Eliminar tu cuenta en este sitio? Tu nombre, tu imagen y tus sesiones aquí desaparecen. Los demás sitios no se ven afectados.',
  'data.deleteKeep': 'Eliminar, conservar mis comentarios como «Usuario eliminado»',
  'data.deleteRemove': 'Eliminar y quitar mis comentarios',
  'data.downloadFailed': 'No se han podido descargar tus datos. Inténtalo de nuevo.',
  'data.deleteFailed': 'No se ha podido eliminar tu cuenta. Inténtalo de nuevo.',
  'data.deleted': 'Se ha eliminado tu cuenta en este sitio.',
};
