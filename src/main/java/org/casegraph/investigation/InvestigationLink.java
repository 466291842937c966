package org.casegraph.investigation;

/**
 * A link from one investigation to another, and why.
 *
 * @param reason SAME_OPERATION, SHARED_SUBJECT or SHARED_EVIDENCE
 * @param investigation the other investigation
 */
record InvestigationLink(String reason, Investigation investigation) {
}
