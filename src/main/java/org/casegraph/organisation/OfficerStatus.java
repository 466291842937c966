package org.casegraph.organisation;

/**
 * An officer's status: now, or over a period. The one list of allowed values: the GraphQL
 * schema's enum of the same name, the importers and the docs must agree with it
 * (VocabularyTests).
 */
public enum OfficerStatus {

	SERVING, SUSPENDED, RESTRICTED_DUTIES, RESIGNED, DISMISSED, FORMER

}
