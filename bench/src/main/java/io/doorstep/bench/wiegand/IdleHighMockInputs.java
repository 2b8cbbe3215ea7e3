package io.doorstep.bench.wiegand;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProviderImpl;

/** Mock inputs that start high, as a reader's pulled-up idle lines are (Pi4J's mock starts low). */
final class IdleHighMockInputs extends MockDigitalInputProviderImpl {
  @Override
  public DigitalInput create(DigitalInputConfig config) {
    MockDigitalInput input = (MockDigitalInput) super.create(config);
    input.mockState(DigitalState.HIGH);
    return input;
  }
}
