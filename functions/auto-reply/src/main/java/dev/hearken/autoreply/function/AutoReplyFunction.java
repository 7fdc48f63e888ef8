package dev.hearken.autoreply.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hearken.autoreply.aws.ReplyMessages;
import io.quarkus.funqy.Funq;

/**
 * The auto-reply worker: one SQS record of the {@code auto-reply} queue per call (Funqy's advanced event handling
 * reports the records that throw as {@code batchItemFailures}); {@link ReplyMessages} does the work.
 */
public class AutoReplyFunction {

    private final ReplyMessages messages;

    AutoReplyFunction(ReplyMessages messages) {
        this.messages = messages;
    }

    @Funq("reply")
    public void reply(SQSEvent.SQSMessage message) {
        messages.handle(message);
    }
}
