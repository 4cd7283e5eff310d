from portal.two_factor.models import SecondFactorReset

__all__ = ["SecondFactorReset"]
