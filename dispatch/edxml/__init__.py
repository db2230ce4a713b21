"""edXML packages (QCVN 102:2016/BTTTT): writing, signing, checking, and the status packages that answer them."""
