/**
 * One client per external service, shared by every function: {@code zendesk}, {@code appstore} (App Store
 * Connect), {@code googleplay}, {@code fcm}, {@code apns}, and {@code auth} (JWT signing, Google service-account
 * tokens). Each client follows its contract in {@code shared/contracts/}, reads credentials through
 * {@link dev.hearken.aws.secrets.SecretReader} and reports failures with the kernel's one error model
 * ({@link dev.hearken.integration.IntegrationException}: rate limited with {@link dev.hearken.integration.RetryAfter},
 * conflict, not found).
 */
package dev.hearken.integrations;
