package dev.hexcore.adapters.messaging;

import dev.hexcore.domain.port.MessageSender;
import org.jboss.logging.Logger;

/**
 * {@link MessageSender} for embedded defaults (no bot token configured): the message, login codes included, goes to
 * the application log, so a developer can log in through Telegram OTP without a bot. Never used when a token is set.
 */
public final class LogMessageSender implements MessageSender {
    private static final Logger LOG = Logger.getLogger(LogMessageSender.class);

    @Override
    public void send(long chatId, String text) {
        LOG.infof("Message for Telegram chat %d (no bot token configured, logged instead): %s", chatId, text);
    }
}
