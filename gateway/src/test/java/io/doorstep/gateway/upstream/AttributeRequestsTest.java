package io.doorstep.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.doorstep.gateway.upstream.AttributeRequests.Answer;
import io.doorstep.gateway.upstream.codec.AttributeUpdate;
import io.doorstep.gateway.upstream.codec.AttributesRequest;
import io.doorstep.gateway.upstream.codec.AttributesResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The platform's answers matched to what the gateway asked, in the forms ThingsBoard answers in. */
class AttributeRequestsTest {
  private static final List<String> KEYS = List.of("overPowerW", "plugHotC");
  private final AttributeRequests requests = new AttributeRequests();

  @Test
  void eachPileIsAskedForItsKeysAsSharedAttributesUnderItsOwnId() {
    List<AttributesRequest> asked = requests.ask(List.of("pile-1", "pile-2"), KEYS);

    assertEquals(List.of(new AttributesRequest(1, "pile-1", false, KEYS), new AttributesRequest(2, "pile-2", false, KEYS)),
        asked);
  }

  @Test
  void severalValuesAreTakenByTheirKeys() {
    long id = requests.ask(List.of("pile-1"), KEYS).get(0).id();

    Answer answer = requests.answer(AttributesResponse.several(id, "pile-1", values("overPowerW", 600, "plugHotC", 65)));

    assertEquals(new Answer.Apply(new AttributeUpdate("pile-1", values("overPowerW", 600, "plugHotC", 65))), answer);
    assertEquals(0, requests.pending());
  }

  @Test
  void aSingleValueToASingleKeyIsThatKeys() {
    long id = requests.ask(List.of("pile-1"), List.of("plugHotC")).get(0).id();

    assertEquals(new Answer.Apply(new AttributeUpdate("pile-1", values("plugHotC", 65))),
        requests.answer(AttributesResponse.one(id, "pile-1", 65)));
  }

  @Test
  void aSingleValueToSeveralKeysCannotBePlacedSoEachKeyIsAskedAlone() {
    long id = requests.ask(List.of("pile-1"), KEYS).get(0).id();

    Answer answer = requests.answer(AttributesResponse.one(id, "pile-1", 600));

    Answer.AskAgain again = assertInstanceOf(Answer.AskAgain.class, answer);
    assertEquals(List.of(List.of("overPowerW"), List.of("plugHotC")),
        again.requests().stream().map(AttributesRequest::keys).toList());
    AttributesRequest second = again.requests().get(1);
    assertEquals(new Answer.Apply(new AttributeUpdate("pile-1", values("plugHotC", 65))),
        requests.answer(AttributesResponse.one(second.id(), "pile-1", 65)));
    assertEquals(new Answer.Nothing("pile-1"),
        requests.answer(AttributesResponse.none(again.requests().get(0).id(), "pile-1")));
  }

  @Test
  void noValueMeansThePlatformHoldsNone() {
    long id = requests.ask(List.of("pile-1"), KEYS).get(0).id();

    assertEquals(new Answer.Nothing("pile-1"), requests.answer(AttributesResponse.none(id, "pile-1")));
  }

  @Test
  void anAnswerToNothingAskedOrAboutAnotherDeviceOrGivenTwiceIsUnexpected() {
    long id = requests.ask(List.of("pile-1"), KEYS).get(0).id();

    assertEquals(new Answer.Unexpected("attributes response 99 for pile-1 answers no request of this gateway"),
        requests.answer(AttributesResponse.none(99, "pile-1")));
    assertEquals(new Answer.Unexpected("attributes response " + id + " is for pile-2, but request " + id
        + " asked about pile-1"), requests.answer(AttributesResponse.none(id, "pile-2")));
    assertEquals(new Answer.Nothing("pile-1"), requests.answer(AttributesResponse.none(id, "pile-1")));
    assertInstanceOf(Answer.Unexpected.class, requests.answer(AttributesResponse.none(id, "pile-1")));
  }

  @Test
  void aNewRoundForgetsTheUnansweredOnesOfTheLast() {
    long old = requests.ask(List.of("pile-1"), KEYS).get(0).id();
    long fresh = requests.ask(List.of("pile-1"), KEYS).get(0).id();

    assertInstanceOf(Answer.Unexpected.class, requests.answer(AttributesResponse.none(old, "pile-1")));
    assertEquals(new Answer.Nothing("pile-1"), requests.answer(AttributesResponse.none(fresh, "pile-1")));
  }

  private static Map<String, Object> values(Object... keysAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return values;
  }
}
