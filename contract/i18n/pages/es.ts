import type { Translation } from '../format.ts';
import type { en } from './en.ts';

// Tú, as WordPress's Spanish (es_ES) addresses readers.
export const es: Translation<typeof en> = {
  'signIn.ok.title': 'Sesión iniciada',
  'signIn.ok.message': 'Has iniciado sesión. Puedes cerrar esta ventana.',
  'signIn.denied.title': 'Inicio de sesión cancelado',
  'signIn.denied.message':
    'Se ha cancelado el inicio de sesión. Puedes cerrar esta ventana y comentar como invitado.',
  'signIn.failed.title': 'Error al iniciar sesión',
  'signIn.failed.message':
    'No hemos podido iniciar tu sesión. Cierra esta ventana e inténtalo de nuevo.',
  'signIn.bind.title': 'Iniciar sesión con {provider}',
  'signIn.bind.connecting': 'Conectando con {provider}…',
  'signIn.bind.failed':
    'No hemos podido empezar el inicio de sesión. Cierra esta ventana e inténtalo de nuevo.',
  'signIn.notFromForm':
    'Este enlace de inicio de sesión solo funciona en la ventana que abrió el formulario de comentarios. Ciérrala e inicia sesión desde el formulario de comentarios.',
  'signIn.otherWindow':
    'Este inicio de sesión no puede terminarse en esta ventana. Vuelve a empezar desde el formulario de comentarios.',
  'signIn.error.message':
    'Algo ha fallado por nuestra parte. Cierra esta ventana e inténtalo de nuevo.',
  'signIn.unavailable.title': 'Inicio de sesión no disponible',
  'signIn.unavailable.message': 'El inicio de sesión con este proveedor no está disponible.',
  'signIn.invalid.title': 'Enlace de inicio de sesión no válido',
  'signIn.invalid.message':
    'Este enlace de inicio de sesión no es válido. Vuelve a empezar desde el formulario de comentarios.',
  'signIn.expired.title': 'Inicio de sesión caducado',
  'signIn.expired.message':
    'El inicio de sesión ha tardado demasiado. Cierra esta ventana e inténtalo de nuevo.',
  'signIn.used.title': 'Inicio de sesión ya completado',
  'signIn.used.message': 'Este inicio de sesión ya se ha completado. Puedes cerrar esta ventana.',
  'signIn.forbidden.title': 'Empieza desde el formulario de comentarios',
  'signIn.tooMany.title': 'Demasiados intentos',
  'signIn.tooMany.message': 'Demasiados intentos. Espera un minuto y vuelve a intentarlo.',
  'signIn.notFound.title': 'No encontrado',
  'signIn.notFound.message': 'No hay nada en esta dirección.',
  'deletion.title': 'Eliminación de datos',
  'deletion.done': 'Tus datos se eliminaron el {date}.',
  'deletion.anonymised': {
    one: '{count} comentario anonimizado.',
    many: '{count} de comentarios anonimizados.',
    other: '{count} comentarios anonimizados.',
  },
  'deletion.code': 'Código de confirmación: {code}.',
  'deletion.notFound': 'Ninguna solicitud de eliminación de datos tiene este código.',
  'email.subject': '[{site}] Comentario pendiente de moderación en «{page}»',
  'email.wrote': '{author} ha escrito en «{page}» un comentario pendiente de moderación.',
  'email.anonymous': 'Anónimo',
  'email.whyHeld': 'Por qué se ha retenido:',
  'email.noReason': 'no se ha registrado ningún motivo',
  'email.approve': 'Aprobar',
  'email.spam': 'Marcar como spam',
  'email.trash': 'Papelera',
  'email.allWaiting': 'Todos los comentarios pendientes en {site}',
  'email.signInNote':
    'Los enlaces abren el escritorio de Parley; accede allí como moderador de {site}.',
  'email.why': 'Recibes este correo electrónico porque moderas {site}.',
  // Reply notifications (server/subscriptions/).
  'notify.confirm.subject': '[{site}] Confirma tus avisos por correo electrónico',
  'notify.confirm.intro':
    'Alguien, esperamos que tú, ha pedido a {site} que escriba a esta dirección sobre:',
  'notify.confirm.replies': 'nuevas respuestas a tu comentario en «{page}»',
  'notify.confirm.page': 'nuevos comentarios en «{page}»',
  'notify.confirm.action': 'Confirmar',
  'notify.confirm.expires': {
    one: 'El enlace es válido durante {count} día.',
    many: 'El enlace es válido durante {count} de días.',
    other: 'El enlace es válido durante {count} días.',
  },
  'notify.confirm.ignore': 'Si no has sido tú, ignora este correo: no se enviará nada más.',
  'notify.reply.subject': '[{site}] {author} ha respondido a tu comentario en «{page}»',
  'notify.reply.wrote': '{author} ha respondido a tu comentario en «{page}»:',
  'notify.comment.subject': '[{site}] Nuevo comentario de {author} en «{page}»',
  'notify.comment.wrote': '{author} ha comentado en «{page}»:',
  'notify.view': 'Verlo en la página',
  'notify.why.replies':
    'Recibes este correo porque pediste a {site} que te avisara de las respuestas a tu comentario.',
  'notify.why.page':
    'Recibes este correo porque pediste a {site} que te avisara de los nuevos comentarios en «{page}».',
  'notify.unsubscribe': 'Darse de baja',
  'notify.page.confirm.title': 'Confirmar avisos por correo electrónico',
  'notify.page.confirm.question': '¿Quieres que {site} te escriba sobre lo siguiente?',
  'notify.page.confirm.button': 'Sí, escríbeme',
  'notify.page.confirmed.title': 'Avisos activados',
  'notify.page.confirmed.message':
    'Listo. Cada correo incluirá un enlace para dejar de recibirlos con un clic.',
  'notify.page.unsubscribe.title': 'Darse de baja',
  'notify.page.unsubscribe.question': 'Dejar de recibir los correos que {site} te envía sobre:',
  'notify.page.unsubscribe.button': 'Darme de baja',
  'notify.page.unsubscribed.title': 'Baja confirmada',
  'notify.page.unsubscribed.message': 'Ya no recibirás estos correos.',
  'notify.page.invalid.title': 'Enlace no válido',
  'notify.page.invalid.message':
    'Este enlace no es válido o ya no lo es: puede que ya te hayas dado de baja.',
  'notify.page.expired.title': 'Enlace caducado',
  'notify.page.expired.message':
    'Este enlace ha caducado. Vuelve a marcar la casilla la próxima vez que comentes.',
};
