package org.viflab.coordinator;

/**
 * How a request is written into the journal, and read back to replay it. The default writes the
 * one-line description, which a person can read but nothing can replay; the scenario package
 * provides a codec in the scenario file's own step syntax.
 */
public interface RequestCodec {

    /** Writes the request's description: readable, not replayable. */
    RequestCodec DESCRIPTION = new RequestCodec() {
        @Override
        public String encode(Request request) {
            return request.describe();
        }

        @Override
        public Request decode(String text) {
            throw new IllegalArgumentException("this journal holds descriptions, not requests: '" + text + "'");
        }
    };

    String encode(Request request);

    /** @throws IllegalArgumentException if the text is not a request this codec wrote */
    Request decode(String text);
}
