package dev.convlab.kernellab;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What the kernel lab says about a convolution, an im2col race or a saved kernel it cannot take, and about a learner's kernel. */
@MessageBundle("kernellabErrors")
public interface KernelLabErrors {

    @Message("must be a JSON object")
    String jsonObject();

    @Message("must be one JSON object")
    String oneJsonObject();

    @Message("must be an object with dataset and indices, or pixels")
    String inputShape();

    @Message("is not a known field")
    String unknownField();

    @Message("needs either dataset and indices, or pixels")
    String datasetOrPixels();

    @Message("is required with a dataset")
    String requiredWithDataset();

    @Message("must be the name of a dataset")
    String datasetName();

    @Message("must list 1 to {maximum} image numbers")
    String indicesCount(int maximum);

    @Message("must hold whole numbers")
    String wholeNumbers();

    @Message("must be a whole number from {min} to {max}, or [vertical, horizontal]")
    String pair(int min, int max);

    @Message("must be \"valid\", \"same\", a whole number from 0 to {max}, or [top, bottom, left, right]")
    String padding(int max);

    @Message("must be an array of arrays of numbers")
    String arrayOfArrays();

    @Message("must be nested {min} to {max} levels deep, not {depth}")
    String depthRange(int min, int max, int depth);

    @Message("is nested more than {max} levels deep")
    String tooDeep(int max);

    @Message("is ragged: numbers and arrays are mixed at one level")
    String mixedLevels();

    @Message("ends before its array is closed")
    String unclosed();

    @Message("must hold only numbers, found {found}")
    String onlyNumbers(String found);

    @Message("must not hold empty arrays")
    String emptyArrays();

    @Message("is ragged: rows of {first} and {other} values")
    String raggedRows(int first, int other);

    @Message("values must be finite numbers between -1e6 and 1e6")
    String finiteValues();

    @Message("holds more than {max} numbers")
    String tooManyNumbers(long max);

    @Message("holds more than {max} images")
    String tooManyImages(int max);

    @Message("images may be at most {max}×{max}")
    String imageSide(int max);

    @Message("images may have at most {max} channels")
    String imageChannels(int max);

    @Message("may hold at most {max} kernels")
    String tooManyKernels(int max);

    @Message("sides must be from 1 to {max}")
    String kernelSide(int max);

    @Message("have {channels} channel(s) but the input has {inputChannels}: write kernels as K×kh×kw for grey images, K×kh×kw×C for C channels")
    String kernelChannels(int channels, int inputChannels);

    @Message("a {height}×{width} kernel with dilation {dilationHeight}×{dilationWidth} does not fit in the padded {inputHeight}×{inputWidth} input")
    String kernelDoesNotFit(int height, int width, int dilationHeight, int dilationWidth, int inputHeight, int inputWidth);

    @Message("{images} image(s) × {kernels} kernel(s) × {height} × {width} is {outputs} numbers, more than the {budget} one answer may hold for you; use fewer images (input) or kernels, less padding, or a larger stride")
    String outputTooLarge(int images, int kernels, int height, int width, String outputs, String budget);

    @Message("{detail}, or log in ({learnerBudget} for learners)")
    String orLogIn(String detail, String learnerBudget);

    @Message("must be from 0 to {last}, not {index}")
    String indexOf(int last, int index);

    @Message("must be from 0 to {last}")
    String indexRange(int last);

    @Message("must be a set of grey images")
    String greyImages();

    @Message("must be a rectangular kernel of finite numbers, 1 to {max} on a side")
    String raceKernel(int max);

    @Message("You keep {max} kernels already; delete one first")
    String tooManySaved(int max);

    @Message("You have no kernel named '{name}'")
    String noKernelNamed(String name);

    @Message("must be 1 to 60 printable characters")
    String kernelName();

    @Message("must be 1 or 3 channels of the same rectangular kernel, 1 to 15 on a side, of finite numbers")
    String savedWeights();

    @Message("Your kernel gives the same value everywhere, so it detects nothing.")
    String sameValueEverywhere();

    @Message("On {digits} digits you have not seen, your kernel's maps correlate r = {r} with a reference detector's ({tolerance} or more passes).")
    String correlation(int digits, String r, String tolerance);

    @Message("It lights up on the opposite edges: try flipping its signs.")
    String oppositeEdges();
}
