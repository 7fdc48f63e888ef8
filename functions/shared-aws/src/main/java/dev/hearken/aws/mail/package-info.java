/**
 * Outgoing e-mail as RFC 5322 / MIME text: {@link dev.hearken.aws.mail.MimeMessage}, the one writer behind
 * auto-reply's answers and push-send's CRM mail, both sent with SES {@code SendRawEmail}.
 */
package dev.hearken.aws.mail;
