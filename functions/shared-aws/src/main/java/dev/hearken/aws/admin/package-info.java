/**
 * The operator API's storage and HTTP conventions, shared by every module that lets an operator change its
 * configuration (routing rules, VIPs, reply templates, review apps, push templates, campaigns, experiments):
 * <ul>
 *   <li>{@link dev.hearken.aws.admin.VersionedItems}: one item per object with a {@code version} number; every
 *       write is conditional on the version the caller read (optimistic concurrency: a stale write is a 409) and is
 *       written in one DynamoDB transaction with its {@link dev.hearken.aws.admin.AuditTrail audit entry} (who,
 *       when, before, after; kept {@value dev.hearken.aws.admin.AuditTrail#RETENTION_DAYS} days);</li>
 *   <li>{@link dev.hearken.aws.admin.AdminCollection}: create/read/update/delete over HTTP for one kind of
 *       object, given its {@link dev.hearken.aws.admin.ItemSchema} (key and validation);</li>
 *   <li>{@link dev.hearken.aws.admin.AdminRequests}: the author (the IAM caller API Gateway authorised), the
 *       expected version ({@code If-Match}), and the replies ({@code ETag}).</li>
 * </ul>
 */
package dev.hearken.aws.admin;
