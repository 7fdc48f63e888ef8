/**
 * One client per external service, shared by every function: {@code zendesk}, {@code appstore} (App Store
 * Connect), {@code googleplay}, {@code fcm}, {@code apns}, and {@code auth} (JWT signing, Google service-account
 * tokens). Each client follows its contract in {@code shared/contracts/}, reads credentials through
 * {@link dev.hearken.aws.secrets.SecretReader} and reports failures with the kernel's one error model
 * ({@link dev.hearken.integration.IntegrationException}: rate limited with {@link dev.hearken.integration.RetryAfter},
 * conflict, not found). The store and push clients share {@code http}: the JDK HTTP client, Jackson-bound records
 * and that one error mapping ({@link dev.hearken.integrations.http.JsonHttp} says why not the REST client).
 */
package dev.hearken.integrations;
