package org.casegraph.messaging;

/**
 * How a message was sent. The one list of allowed values: the GraphQL schema's enum of
 * the same name, the importers and the docs must agree with it (VocabularyTests).
 */
public enum MessageChannel {

	GROUP, DIRECT, SMS, EMAIL

}
