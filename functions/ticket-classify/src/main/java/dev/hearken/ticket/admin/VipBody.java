package dev.hearken.ticket.admin;

/**
 * The body of {@code POST}/{@code PUT /admin/vips…}: the entry's key ({@code vipKey}) comes from the path or is taken
 * out of a create's body; what remains is optional.
 *
 * @param note who this is and why they are a VIP, for people; at most {@value AdminText#MAX_NOTE} characters
 */
public record VipBody(String note) {}
