package dev.hearken.ticket.domain;

/** The list of VIP users and organizations (a DynamoDB table maintained by the support team). */
public interface VipDirectory {

    /** Whether the requester, by user id or e-mail, or their organization is on the VIP list. */
    boolean isVip(Requester requester, Long organizationId);
}
