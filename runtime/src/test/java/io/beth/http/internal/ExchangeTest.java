package io.beth.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.beth.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

class ExchangeTest {

  private static Exchange exchange(boolean requestComplete) {
    return new Exchange(
        HttpRequest.builder().method("POST").uri("/").build(),
        null,
        HttpVersion.HTTP_1_1,
        false,
        true,
        requestComplete,
        null);
  }

  @Test
  void anExchangeAnsweredAfterItsRequestGoesReceivingHandlingRespondingDone() {
    Exchange ex = exchange(false);
    assertEquals(Exchange.State.RECEIVING, ex.state());

    ex.requestComplete();
    assertEquals(Exchange.State.HANDLING, ex.state());
    assertTrue(ex.lastReceived());
    assertFalse(ex.isResponseStarted());

    assertTrue(ex.responseStarted());
    assertEquals(Exchange.State.RESPONDING, ex.state());
    assertTrue(ex.responseDone());
    assertEquals(Exchange.State.DONE, ex.state());
  }

  @Test
  void anExchangeAnsweredEarlyIsDoneOnlyOnceItsRequestEnds() {
    Exchange ex = exchange(false);

    assertTrue(ex.responseStarted());
    assertEquals(Exchange.State.RESPONDING_EARLY, ex.state());
    assertTrue(ex.responseDone());
    assertEquals(Exchange.State.ANSWERED_EARLY, ex.state());
    assertTrue(ex.isResponseDone());
    assertFalse(ex.lastReceived());

    ex.requestComplete();
    assertEquals(Exchange.State.DONE, ex.state());
  }

  @Test
  void anExchangeIsAnsweredAndEndedOnceOnly() {
    Exchange ex = exchange(true);
    assertTrue(ex.responseStarted());
    assertFalse(ex.responseStarted(), "a second answer is refused");
    assertTrue(ex.responseDone());
    assertFalse(ex.responseDone(), "and a second end");
    assertThrows(IllegalStateException.class, ex::requestComplete);
  }
}
