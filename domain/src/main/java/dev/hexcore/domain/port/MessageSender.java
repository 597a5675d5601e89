package dev.hexcore.domain.port;

/** Sends a short text message to a person in a messenger (Telegram: the chat id is the user's Telegram id). */
public interface MessageSender {
    /** Why a message did not go out. */
    enum Failure {
        /** The chat does not exist, or the user never started the bot, or blocked it. */
        RECIPIENT_UNREACHABLE,
        /** The messenger asks to slow down. */
        RATE_LIMITED,
        /** Anything else: the messenger is down, the configuration is wrong, the network failed. */
        UNAVAILABLE
    }

    /** A message could not be delivered. The message text (a login code) is never part of it. */
    final class DeliveryException extends RuntimeException {
        private final Failure failure;

        public DeliveryException(Failure failure, String detail) {
            super(detail);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    /** Throws {@link DeliveryException} when the message did not go out. */
    void send(long chatId, String text);
}
