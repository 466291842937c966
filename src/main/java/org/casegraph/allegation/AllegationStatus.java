package org.casegraph.allegation;

/**
 * Where an allegation stands. The one list of allowed values: the GraphQL schema's enum
 * of the same name, the importers and the docs must agree with it (VocabularyTests).
 */
public enum AllegationStatus {

	ALLEGED, PROVEN, NOT_PROVEN, WITHDRAWN

}
